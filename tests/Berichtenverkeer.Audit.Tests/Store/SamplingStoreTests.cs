using Berichtenverkeer.Audit.Sampling;
using Berichtenverkeer.Audit.Tests.Support;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Store;

namespace Berichtenverkeer.Audit.Tests.Store;

/// <summary>The sampling population read from the store's prestaties: filtered by period and parties, never with a BSN.</summary>
public sealed class SamplingStoreTests
{
    public const string Bsn = "123456782";

    [Theory, OnSqlite, OnPostgres]
    public async Task prestaties_in_the_period_are_read_as_units_without_bsn(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await SeedAsync(test.Store);

        var units = await test.Store.SamplingUnitsAsync(new SamplingPopulation { FromMonth = new DateOnly(2025, 2, 1), ToMonth = new DateOnly(2025, 3, 1) });

        Assert.Equal(
            ["42420001:FEB-1", "42420001:MAR-1", "42420001:MAR-2", "42420002:MAR-1"],
            units.Select(u => u.Key));
        var unit = units[1];
        Assert.Equal(("0363", "45", "45A04", new DateOnly(2025, 3, 1), 76_400L, false, true),
            (unit.Gemeente, unit.ProductCategorie, unit.ProductCode, unit.Periode!.Value, unit.Bedrag!.Value, unit.Credit, unit.Approved));
        Assert.DoesNotContain(units, u => u.ToString().Contains(Bsn, StringComparison.Ordinal));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task filters_select_gemeenten_providers_credits_and_rejected_lines(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        await SeedAsync(test.Store);
        var march = new SamplingPopulation { FromMonth = new DateOnly(2025, 3, 1), ToMonth = new DateOnly(2025, 3, 1) };

        Assert.Equal(["42420002:MAR-1"], (await test.Store.SamplingUnitsAsync(march with { Providers = ["42420002"] })).Select(u => u.Key));
        Assert.Equal(["42420002:MAR-1"], (await test.Store.SamplingUnitsAsync(march with { Gemeenten = ["0599"] })).Select(u => u.Key));
        Assert.Equal(
            ["42420001:MAR-1", "42420001:MAR-2", "42420001:MAR-3", "42420001:MAR-4", "42420002:MAR-1"],
            (await test.Store.SamplingUnitsAsync(march with { IncludeCredits = true, IncludeRejected = true })).Select(u => u.Key));
        Assert.Empty(await test.Store.SamplingUnitsAsync(march with { ProductCodes = ["99X99"] }));
    }

    /// <summary>
    /// Provider 42420001 to 0363: FEB-1 (February), MAR-1, MAR-2, MAR-3 (rejected), MAR-4 (credit of MAR-1), APR-1 (April);
    /// provider 42420002 to 0599: MAR-1. Every prestatie carries client <see cref="Bsn"/>.
    /// </summary>
    internal static async Task SeedAsync(RelationalStore store)
    {
        await CommitAsync(store, "42420001", "0363", "D-1",
            P("FEB-1", 2), P("MAR-1", 3), P("MAR-2", 3), P("MAR-3", 3) with { Approved = false, Codes = ["9307"] },
            P("MAR-4", 3) with { VorigReferentieNummer = "MAR-1", DebetCredit = "C" }, P("APR-1", 4));
        await CommitAsync(store, "42420002", "0599", "D-2", P("MAR-1", 3));

        static PrestatieRecord P(string referentie, int month) => new()
        {
            Agb = string.Empty,
            Gemeente = string.Empty,
            Bsn = Bsn,
            DeclaratieNummer = string.Empty,
            DeclaratiePeriode = new GeslotenPeriode(new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30)),
            ReferentieNummer = referentie,
            ToewijzingNummer = 1001,
            ProductCategorie = "45",
            ProductCode = "45A04",
            ProductPeriode = new GeslotenPeriode(new DateOnly(2025, month, 1), new DateOnly(2025, month, DateTime.DaysInMonth(2025, month))),
            GeleverdVolume = 8,
            Eenheid = "04",
            ProductTarief = 9_550,
            Bedrag = 76_400,
            DebetCredit = "D",
            Approved = true,
            MessageId = string.Empty,
        };
    }

    private static Task CommitAsync(RelationalStore store, string agb, string gemeente, string nummer, params PrestatieRecord[] prestaties)
    {
        var messageId = "msg-" + Guid.NewGuid().ToString("N");
        var periode = new GeslotenPeriode(new DateOnly(2025, 4, 1), new DateOnly(2025, 4, 30));
        var changes = new StateChanges
        {
            Message = new MessageRecord
            {
                MessageId = messageId,
                Type = "JW323",
                Afzender = agb,
                Ontvanger = gemeente,
                Identificatie = "ID-" + nummer,
                Dagtekening = new DateOnly(2025, 5, 2),
                XsdVersie = "1.0.0/1.0.0",
                ContentHash = new string('a', 64),
                ReceivedAt = new DateTimeOffset(2025, 5, 2, 9, 0, 0, TimeSpan.Zero),
                Outcome = "accepted",
            },
            Declaration = new DeclarationRecord
            {
                Agb = agb,
                Gemeente = gemeente,
                DeclaratieNummer = nummer,
                DeclaratiePeriode = periode,
                Ingediend = 100,
                Toegekend = 100,
                MessageId = messageId,
            },
        };
        changes.Prestaties.AddRange(prestaties.Select(p => p with { Agb = agb, Gemeente = gemeente, DeclaratieNummer = nummer, MessageId = messageId }));
        return store.CommitAsync(changes);
    }
}
