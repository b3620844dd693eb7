using Berichtenverkeer.Reconciliation;
using static Berichtenverkeer.Store.Tests.Build;

namespace Berichtenverkeer.Store.Tests;

/// <summary>The store feeds reconciliation: every version of assignments touching the period, its prestaties and their credits.</summary>
public sealed class ReconciliationSourceTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task the_period_selects_assignments_and_prestaties_that_touch_it_with_their_credits(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var first = Changes(Message("JW301"));
        first.Assignments.Add(Assignment(first.Message.MessageId, nummer: 1001));
        first.Assignments.Add(Assignment(first.Message.MessageId, nummer: 1001, datum: new DateOnly(2025, 1, 20)) with { Einddatum = new DateOnly(2025, 1, 31) });
        first.Assignments.Add(Assignment(first.Message.MessageId, nummer: 1002, gemeente: OtherGemeente));
        await test.Store.CommitAsync(first);

        var declaration = Changes(Message("JW323"));
        declaration.Prestaties.Add(Prestatie(declaration.Message.MessageId, "P-1"));
        declaration.Prestaties.Add(Prestatie(declaration.Message.MessageId, "P-2", gemeente: OtherGemeente, nummer: 1002));
        await test.Store.CommitAsync(declaration);
        var credit = Changes(Message("JW323"));
        credit.Prestaties.Add(Prestatie(credit.Message.MessageId, "P-3", declaratie: "DECL-2", vorig: "P-1") with
        {
            ProductPeriode = new(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)),
            DeclaratiePeriode = new(new DateOnly(2025, 5, 1), new DateOnly(2025, 5, 31)),
        });
        await test.Store.CommitAsync(credit);

        var march = ReconciliationQuery.ForMonth(2025, 3, gemeenten: [Gemeente]);
        var assignments = await test.Store.AssignmentsAsync(march).ToListAsync();
        var prestaties = await test.Store.PrestatiesAsync(march).ToListAsync();

        // Both versions of 1001 come back, though the latest one ended in January (IV013 needs them all).
        Assert.Equal([1001L, 1001L], assignments.Select(a => a.ToewijzingNummer));
        Assert.Equal(["P-1", "P-3"], prestaties.Select(p => p.ReferentieNummer));
        Assert.Empty(await test.Store.PrestatiesAsync(ReconciliationQuery.ForMonth(2025, 6, gemeenten: [Gemeente])).ToListAsync());
        Assert.Equal(2, (await test.Store.PrestatiesAsync(ReconciliationQuery.ForMonth(2025, 3)).ToListAsync()).Count(p => p.VorigReferentieNummer is null));
    }
}
