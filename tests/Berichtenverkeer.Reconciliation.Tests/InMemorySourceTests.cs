using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Reconciliation.Tests.TestData;

namespace Berichtenverkeer.Reconciliation.Tests;

public class InMemorySourceTests
{
    private static async Task<List<T>> ToList<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task Returns_every_version_of_an_assignment_of_which_one_touches_the_period()
    {
        Product product = new("45", "45A12");
        var old = Assignment(G1, P1, 1, product, D(2025, 1, 1), D(2025, 12, 31), new Omvang(1, Eenheid.Uur, Frequentie.PerMaand), toewijzingsdatum: D(2024, 12, 1));
        var shortened = old with { Einddatum = D(2025, 1, 31), Toewijzingsdatum = D(2025, 1, 15), RedenWijziging = "02" };
        var elsewhere = Assignment(G2, P1, 2, product, D(2025, 3, 1), null, new Omvang(1, Eenheid.Uur, Frequentie.PerMaand));
        var later = Assignment(G1, P1, 3, product, D(2025, 4, 1), null, new Omvang(1, Eenheid.Uur, Frequentie.PerMaand));
        var source = new InMemoryReconciliationSource([old, shortened, elsewhere, later], []);

        var got = await ToList(source.AssignmentsAsync(ReconciliationQuery.ForMonth(2025, 3, gemeenten: [G1])));

        Assert.Equal([old, shortened], got);
    }

    [Fact]
    public async Task Returns_prestaties_of_the_period_and_credits_whose_debit_is_in_it()
    {
        var march = Prestatie(G1, P1, 1, "45", "45A12", D(2025, 3, 1), D(2025, 3, 31), 1, Eenheid.Uur, 100, true, "D1");
        var oddCredit = CreditOf(march, "C1", D(2025, 5, 1)) with { ProductPeriode = new GeslotenPeriode(D(2025, 4, 1), D(2025, 4, 30)) };
        var april = Prestatie(G1, P1, 1, "45", "45A12", D(2025, 4, 1), D(2025, 4, 30), 1, Eenheid.Uur, 100, true, "D2");
        var otherProvider = Prestatie(G1, P2, 1, "45", "45A12", D(2025, 3, 1), D(2025, 3, 31), 1, Eenheid.Uur, 100, true, "D3");
        var source = new InMemoryReconciliationSource([], [march, oddCredit, april, otherProvider]);

        var got = await ToList(source.PrestatiesAsync(ReconciliationQuery.ForMonth(2025, 3, agbs: [P1])));

        Assert.Equal([march, oddCredit], got);
    }

    [Fact]
    public async Task Rejects_a_query_that_is_not_whole_months()
    {
        var source = new InMemoryReconciliationSource([], []);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            ToList(source.AssignmentsAsync(new ReconciliationQuery { From = D(2025, 3, 15), To = D(2025, 3, 31) })));
    }

    [Fact]
    public void Latest_version_is_by_toewijzingsdatum_and_tijd_then_message_id()
    {
        Product product = new("45", "45A12");
        var a = Assignment(G1, P1, 1, product, D(2025, 1, 1), null, toewijzingsdatum: D(2025, 1, 5), toewijzingstijd: new TimeOnly(9, 0), messageId: "b");
        var b = a with { Toewijzingstijd = new TimeOnly(9, 30), MessageId = "a" };
        var c = b with { MessageId = "c", Budget = 1 };

        Assert.Same(c, Assert.Single(Valuation.LatestVersions([a, c, b])));
        Assert.Same(c, Assert.Single(Valuation.LatestVersions([c, a, b], knownOn: D(2025, 1, 5))));
        Assert.Empty(Valuation.LatestVersions([a, b, c], knownOn: D(2025, 1, 4)));
    }
}
