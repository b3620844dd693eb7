using Berichtenverkeer.Audit.Pseudonyms;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;

namespace Berichtenverkeer.Signals.Tests;

/// <summary>Hand-built state records for the rule tests.</summary>
internal static class Build
{
    public const string G = "0363";

    public static readonly BsnPseudonymizer Pseudonymizer = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static DateOnly D(int month, int day, int year = 2025) => new(year, month, day);

    /// <summary>The i-th BSN that passes the elfproef.</summary>
    public static string Bsn(int i)
    {
        for (var n = 10_000_000 + (i * 13); ; n++)
        {
            var s = n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var k = 0; k < 8; k++)
            {
                sum += (9 - k) * (s[k] - '0');
            }

            var check = sum % 11;
            if (check < 10)
            {
                return s + (char)('0' + check);
            }
        }
    }

    public static AssignmentRecord T(long nummer, string agb = "A1", int client = 1, DateOnly? ingang = null, DateOnly? eind = null, long volume = 10,
        string eenheid = Eenheid.Uur, string frequentie = Frequentie.PerWeek, DateOnly? toewijzingsdatum = null, string code = "45A48", long? budget = null, string gemeente = G) => new()
    {
        Gemeente = gemeente,
        Agb = agb,
        Bsn = Bsn(client),
        ToewijzingNummer = nummer,
        Toewijzingsdatum = toewijzingsdatum ?? (ingang ?? D(1, 1)).AddDays(-5),
        Toewijzingstijd = new TimeOnly(9, 0),
        Product = new Product("45", code),
        Ingangsdatum = ingang ?? D(1, 1),
        Einddatum = eind,
        Omvang = new Omvang(volume, eenheid, frequentie),
        Budget = budget,
        MessageId = $"t-{nummer}-{toewijzingsdatum ?? ingang}",
    };

    public static RegieRecord Start(long nummer, DateOnly begin, string agb = "A1", int client = 1, DateOnly? sent = null, string gemeente = G) => new()
    {
        Gemeente = gemeente,
        Agb = agb,
        Bsn = Bsn(client),
        Kind = RegieKind.Start,
        ToewijzingNummer = nummer,
        Product = new Product("45", "45A48"),
        Begindatum = begin,
        Dagtekening = sent ?? begin.AddDays(1),
        MessageId = $"s-{agb}-{nummer}-{begin}",
    };

    public static RegieRecord Stop(long nummer, DateOnly end, string reden, string agb = "A1", int client = 1, DateOnly? begin = null, DateOnly? sent = null, string gemeente = G) => new()
    {
        Gemeente = gemeente,
        Agb = agb,
        Bsn = Bsn(client),
        Kind = RegieKind.Stop,
        ToewijzingNummer = nummer,
        Product = new Product("45", "45A48"),
        Begindatum = begin ?? D(1, 1),
        Einddatum = end,
        RedenBeeindiging = reden,
        Dagtekening = sent ?? end.AddDays(1),
        MessageId = $"e-{agb}-{nummer}-{end}",
    };

    private static int _ref;

    public static PrestatieRecord P(long nummer, DateOnly begin, DateOnly end, long volume, string agb = "A1", int client = 1, string eenheid = Eenheid.Uur,
        string code = "45A48", string categorie = "45", long? tarief = 1000, bool approved = true, string gemeente = G, IReadOnlyList<string>? codes = null)
    {
        var r = Interlocked.Increment(ref _ref);
        return new()
        {
            Agb = agb,
            Gemeente = gemeente,
            Bsn = Bsn(client),
            DeclaratieNummer = $"d-{end:yyyyMM}",
            DeclaratiePeriode = new GeslotenPeriode(new DateOnly(end.Year, end.Month, 1).AddMonths(1), new DateOnly(end.Year, end.Month, 1).AddMonths(2).AddDays(-1)),
            ReferentieNummer = $"r{r}",
            ToewijzingNummer = nummer,
            ProductCategorie = categorie,
            ProductCode = code,
            ProductPeriode = new GeslotenPeriode(begin, end),
            GeleverdVolume = volume,
            Eenheid = eenheid,
            ProductTarief = tarief,
            Bedrag = volume * (tarief ?? 1),
            DebetCredit = DebetCredit.Debet,
            Approved = approved,
            Codes = codes ?? [],
            MessageId = $"p-{agb}-{end:yyyyMM}",
        };
    }

    /// <summary>Full calendar months of paid care from <paramref name="first"/> for <paramref name="months"/> months.</summary>
    public static IEnumerable<PrestatieRecord> Months(long nummer, DateOnly first, int months, Func<int, long> volume, string agb = "A1", int client = 1, string code = "45A48", string categorie = "45", long tarief = 1000)
    {
        for (var i = 0; i < months; i++)
        {
            var b = first.AddMonths(i);
            yield return P(nummer, b, b.AddMonths(1).AddDays(-1), volume(i), agb, client, code: code, categorie: categorie, tarief: tarief);
        }
    }

    public static SignalInput Input(
        IEnumerable<AssignmentRecord>? t = null, IEnumerable<RegieRecord>? r = null, IEnumerable<PrestatieRecord>? p = null, IEnumerable<Budget>? budgets = null) => new()
    {
        Assignments = (t ?? []).ToList(),
        Regie = (r ?? []).ToList(),
        Prestaties = (p ?? []).ToList(),
        Reference = new ReferenceSet([], [], [], (budgets ?? []).ToList()),
        Pseudonymizer = Pseudonymizer,
    };

    public static List<Signal> Run(SignalInput input, string rule, DateOnly? from = null, DateOnly? to = null, SignalOptions? options = null) =>
        new SignalEngine(options).Evaluate(input, from ?? D(1, 1), to ?? D(12, 31)).Signals.Where(s => s.RuleId == rule).ToList();
}
