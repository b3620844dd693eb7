using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Store.Tests;

/// <summary>Test records with sensible defaults: gemeente 0363, provider 42420001, client 123456782.</summary>
internal static class Build
{
    public const string Gemeente = "0363";
    public const string OtherGemeente = "0599";
    public const string Agb = "42420001";
    public const string OtherAgb = "42420002";
    public const string Bsn = "123456782";
    public const string OtherBsn = "111222333";
    public const string ThirdBsn = "999998456";

    private static int _sequence;

    public static string NewId() => "msg-" + Interlocked.Increment(ref _sequence).ToString(System.Globalization.CultureInfo.InvariantCulture)
        + "-" + Guid.NewGuid().ToString("N")[..8];

    public static MessageRecord Message(string type = "JW301", string? afzender = null, string? ontvanger = null, string? identificatie = null, string? id = null) =>
        new()
        {
            MessageId = id ?? NewId(),
            Type = type,
            Afzender = afzender ?? (type is "JW301" or "JW319" or "JW325" ? Gemeente : Agb),
            Ontvanger = ontvanger ?? (type is "JW301" or "JW319" or "JW325" ? Agb : Gemeente),
            Identificatie = identificatie ?? ("ID" + Guid.NewGuid().ToString("N")[..10]),
            Dagtekening = new DateOnly(2025, 3, 14),
            XsdVersie = "1.0.0/1.0.0",
            ContentHash = new string('a', 64),
            ReceivedAt = new DateTimeOffset(2025, 3, 14, 10, 15, 30, 123, TimeSpan.FromHours(1)),
            Outcome = "accepted",
        };

    public static StateChanges Changes(MessageRecord? message = null) => new() { Message = message ?? Message() };

    public static AssignmentRecord Assignment(string messageId, long nummer = 1001, string gemeente = Gemeente, string agb = Agb, string bsn = Bsn,
        DateOnly? datum = null, TimeOnly? tijd = null) =>
        new()
        {
            Gemeente = gemeente,
            Agb = agb,
            Bsn = bsn,
            ToewijzingNummer = nummer,
            Toewijzingsdatum = datum ?? new DateOnly(2025, 1, 10),
            Toewijzingstijd = tijd ?? new TimeOnly(9, 30, 15),
            Product = new Product("45", "45A04"),
            Ingangsdatum = new DateOnly(2025, 2, 1),
            Einddatum = new DateOnly(2025, 12, 31),
            RedenWijziging = null,
            Omvang = new Omvang(10, "04", "2"),
            Budget = null,
            ReferentieAanbieder = "REF-1",
            MessageId = messageId,
        };

    public static RegieRecord Start(string messageId, long nummer = 1001, string gemeente = Gemeente, string agb = Agb, string bsn = Bsn, DateOnly? begin = null) =>
        new()
        {
            Gemeente = gemeente,
            Agb = agb,
            Bsn = bsn,
            Kind = RegieKind.Start,
            ToewijzingNummer = nummer,
            Product = new Product("45", "45A04"),
            ToewijzingIngangsdatum = new DateOnly(2025, 2, 1),
            Begindatum = begin ?? new DateOnly(2025, 2, 3),
            Dagtekening = new DateOnly(2025, 2, 4),
            MessageId = messageId,
        };

    public static RegieRecord Stop(string messageId, long nummer = 1001, string reden = "20") =>
        Start(messageId, nummer) with { Kind = RegieKind.Stop, RedenBeeindiging = reden, Einddatum = new DateOnly(2025, 4, 30) };

    public static RequestRecord Request(string messageId, string referentie, string gemeente = Gemeente, string agb = Agb, string bsn = Bsn) =>
        new()
        {
            Agb = agb,
            Gemeente = gemeente,
            Bsn = bsn,
            ReferentieAanbieder = referentie,
            Kind = RequestKind.Vot,
            Dagtekening = new DateOnly(2025, 1, 5),
            MessageId = messageId,
        };

    public static AnswerRecord Answer(string messageId, string referentie, string antwoord = "2", string gemeente = Gemeente, string agb = Agb) =>
        new()
        {
            Gemeente = gemeente,
            Agb = agb,
            ReferentieAanbieder = referentie,
            VerzoekAntwoord = antwoord,
            RedenAfwijzingVerzoek = antwoord == "1" ? "3" : null,
            Dagtekening = new DateOnly(2025, 1, 8),
            MessageId = messageId,
        };

    public static DeclarationRecord Declaration(string messageId, string nummer = "DECL-1", string gemeente = Gemeente, string agb = Agb, int month = 3) =>
        new()
        {
            Agb = agb,
            Gemeente = gemeente,
            DeclaratieNummer = nummer,
            DeclaratiePeriode = new GeslotenPeriode(new DateOnly(2025, month, 1), new DateOnly(2025, month, DateTime.DaysInMonth(2025, month))),
            Ingediend = 123_456,
            Toegekend = 100_000,
            MessageId = messageId,
        };

    public static PrestatieRecord Prestatie(string messageId, string referentie, long nummer = 1001, string declaratie = "DECL-1",
        string gemeente = Gemeente, string agb = Agb, string? vorig = null, bool approved = true) =>
        new()
        {
            Agb = agb,
            Gemeente = gemeente,
            Bsn = Bsn,
            DeclaratieNummer = declaratie,
            DeclaratiePeriode = new GeslotenPeriode(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)),
            ReferentieNummer = referentie,
            VorigReferentieNummer = vorig,
            ToewijzingNummer = nummer,
            ProductCategorie = "45",
            ProductCode = "45A04",
            ProductPeriode = new GeslotenPeriode(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)),
            GeleverdVolume = 8,
            Eenheid = "04",
            ProductTarief = 9_550,
            Bedrag = 76_400,
            DebetCredit = vorig is null ? "D" : "C",
            Approved = approved,
            Codes = approved ? [] : ["9307", "9308"],
            MessageId = messageId,
        };

    public static StateScope Scope(string type = "JW323", string? afzender = null, string identificatie = "none") => new()
    {
        Type = type,
        Afzender = afzender ?? Agb,
        Identificatie = identificatie,
        Gemeente = Gemeente,
        Agb = Agb,
    };
}
