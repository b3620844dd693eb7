using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Reconciliation.Tests;

internal static class TestData
{
    public const string G1 = "0363";
    public const string G2 = "0599";
    public const string P1 = "12345678";
    public const string P2 = "87654321";

    /// <summary>Valid BSNs (11-test) that must never appear in any output.</summary>
    public const string Bsn1 = "123456782";
    public const string Bsn2 = "111222333";

    public static DateOnly D(int year, int month, int day) => new(year, month, day);

    public static AssignmentRecord Assignment(
        string gemeente,
        string agb,
        long nummer,
        Product? product,
        DateOnly ingang,
        DateOnly? eind,
        Omvang? omvang = null,
        long? budget = null,
        DateOnly? toewijzingsdatum = null,
        TimeOnly? toewijzingstijd = null,
        string? redenWijziging = null,
        string bsn = Bsn1,
        string messageId = "m") =>
        new()
        {
            Gemeente = gemeente,
            Agb = agb,
            Bsn = bsn,
            ToewijzingNummer = nummer,
            Toewijzingsdatum = toewijzingsdatum ?? ingang.AddDays(-14),
            Toewijzingstijd = toewijzingstijd ?? new TimeOnly(12, 0),
            Product = product,
            Ingangsdatum = ingang,
            Einddatum = eind,
            RedenWijziging = redenWijziging,
            Omvang = omvang,
            Budget = budget,
            MessageId = messageId,
        };

    public static PrestatieRecord Prestatie(
        string gemeente,
        string agb,
        long nummer,
        string categorie,
        string code,
        DateOnly begin,
        DateOnly end,
        long volume,
        string eenheid,
        long bedrag,
        bool approved,
        string referentie,
        string debetCredit = DebetCredit.Debet,
        string? vorig = null,
        DateOnly? declaratieMaand = null,
        string bsn = Bsn1)
    {
        var dm = declaratieMaand ?? new DateOnly(end.Year, end.Month, 1);
        return new PrestatieRecord
        {
            Gemeente = gemeente,
            Agb = agb,
            Bsn = bsn,
            DeclaratieNummer = "DN-" + referentie,
            DeclaratiePeriode = new GeslotenPeriode(dm, Months.LastDay(dm)),
            ReferentieNummer = referentie,
            VorigReferentieNummer = vorig,
            ToewijzingNummer = nummer,
            ProductCategorie = categorie,
            ProductCode = code,
            ProductPeriode = new GeslotenPeriode(begin, end),
            GeleverdVolume = volume,
            Eenheid = eenheid,
            Bedrag = bedrag,
            DebetCredit = debetCredit,
            Approved = approved,
            MessageId = "msg-" + referentie,
        };
    }

    /// <summary>A credit mirroring <paramref name="debit"/>, declared in <paramref name="declaratieMaand"/>.</summary>
    public static PrestatieRecord CreditOf(PrestatieRecord debit, string referentie, DateOnly declaratieMaand, bool approved = true) =>
        debit with
        {
            ReferentieNummer = referentie,
            VorigReferentieNummer = debit.ReferentieNummer,
            DebetCredit = DebetCredit.Credit,
            Approved = approved,
            DeclaratiePeriode = new GeslotenPeriode(declaratieMaand, Months.LastDay(declaratieMaand)),
            DeclaratieNummer = "DN-" + referentie,
            MessageId = "msg-" + referentie,
        };
}
