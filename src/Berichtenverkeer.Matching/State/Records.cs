using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Matching.State;

/// <summary>Every message the gateway accepted for processing (passed level 1), with its outcome. TR056 looks here.</summary>
public sealed record MessageRecord
{
    public required string MessageId { get; init; }

    public required string Type { get; init; }

    public required string Afzender { get; init; }

    public required string Ontvanger { get; init; }

    public required string Identificatie { get; init; }

    public required DateOnly Dagtekening { get; init; }

    /// <summary>XsdVersie of the message as "basis/bericht", needed for TR371 on a later JW325.</summary>
    public required string XsdVersie { get; init; }

    /// <summary>SHA-256 of the raw bytes, hex: a redelivery with the same hash is the same message.</summary>
    public required string ContentHash { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>accepted, rejected (level 3/4), technical (level 2) or partial (JW323 with some prestaties rejected).</summary>
    public required string Outcome { get; init; }
}

/// <summary>One version of a ToegewezenProduct (JW301). The highest Toewijzingsdatum + -tijd is the current one (IV013).</summary>
public sealed record AssignmentRecord
{
    public required string Gemeente { get; init; }

    public required string Agb { get; init; }

    public required string Bsn { get; init; }

    public required long ToewijzingNummer { get; init; }

    public required DateOnly Toewijzingsdatum { get; init; }

    public required TimeOnly Toewijzingstijd { get; init; }

    public Product? Product { get; init; }

    public required DateOnly Ingangsdatum { get; init; }

    public DateOnly? Einddatum { get; init; }

    public string? RedenWijziging { get; init; }

    public Omvang? Omvang { get; init; }

    public long? Budget { get; init; }

    public string? ReferentieAanbieder { get; init; }

    public required string MessageId { get; init; }

    public DateTime VersionMoment => Toewijzingsdatum.ToDateTime(Toewijzingstijd);

    public bool IsDeleted =>
        Einddatum == Ingangsdatum && RedenWijziging is Ijw.Catalog.RedenWijziging.Verwijderd or Ijw.Catalog.RedenWijziging.AdministratieveCorrectieVervallen;

    /// <summary>Current on <paramref name="referenceDate"/> (rules.md §0): not deleted, and open or not yet ended.</summary>
    public bool IsCurrentOn(DateOnly referenceDate) => !IsDeleted && (Einddatum is null || Einddatum >= referenceDate);
}

public enum RegieKind
{
    Start,
    Stop,
}

/// <summary>A StartProduct (JW305) or StopProduct (JW307). A delete (StatusAanlevering 3) marks the earlier record deleted.</summary>
public sealed record RegieRecord
{
    public required string Gemeente { get; init; }

    public required string Agb { get; init; }

    public required string Bsn { get; init; }

    public required RegieKind Kind { get; init; }

    public long? ToewijzingNummer { get; init; }

    public Product? Product { get; init; }

    public DateOnly? ToewijzingIngangsdatum { get; init; }

    public required DateOnly Begindatum { get; init; }

    public string? RedenBeeindiging { get; init; }

    public DateOnly? Einddatum { get; init; }

    public bool Deleted { get; init; }

    public required DateOnly Dagtekening { get; init; }

    public required string MessageId { get; init; }

    /// <summary>The logical key of messages.md: ToewijzingNummer + Product + Begindatum (+ RedenBeeindiging + Einddatum for a stop).</summary>
    public string Key => RegieKeys.Of(Kind, ToewijzingNummer, Product, Begindatum, RedenBeeindiging, Einddatum);

    public bool IsTemporaryStop => Kind == RegieKind.Stop && RedenBeeindiging == Ijw.Catalog.RedenBeeindiging.Tijdelijk;
}

public static class RegieKeys
{
    public static string Of(RegieKind kind, long? toewijzingNummer, Product? product, DateOnly begindatum, string? reden, DateOnly? einddatum) =>
        string.Join(
            '|',
            kind,
            toewijzingNummer?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            product?.Categorie,
            product?.Code,
            begindatum.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            reden,
            einddatum?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}

public enum RequestKind
{
    Vot,
    Vow,
}

/// <summary>A request: one AangevraagdProduct of a VOT (JW315, each with its own reference) or a whole VOW (JW317).</summary>
public sealed record RequestRecord
{
    public required string Agb { get; init; }

    public required string Gemeente { get; init; }

    public required string Bsn { get; init; }

    public required string ReferentieAanbieder { get; init; }

    public required RequestKind Kind { get; init; }

    public required DateOnly Dagtekening { get; init; }

    public required string MessageId { get; init; }
}

/// <summary>A municipality's answer on a request (JW319).</summary>
public sealed record AnswerRecord
{
    public required string Gemeente { get; init; }

    public required string Agb { get; init; }

    public required string ReferentieAanbieder { get; init; }

    /// <summary>1 rejected, 2 under investigation (WJ760).</summary>
    public required string VerzoekAntwoord { get; init; }

    public string? RedenAfwijzingVerzoek { get; init; }

    public required DateOnly Dagtekening { get; init; }

    public required string MessageId { get; init; }
}

/// <summary>A declaration (JW323) that counts as received, with what was submitted and granted (signed cents).</summary>
public sealed record DeclarationRecord
{
    public required string Agb { get; init; }

    public required string Gemeente { get; init; }

    public required string DeclaratieNummer { get; init; }

    public required GeslotenPeriode DeclaratiePeriode { get; init; }

    public required long Ingediend { get; init; }

    public required long Toegekend { get; init; }

    public required string MessageId { get; init; }
}

/// <summary>A prestatie of a received declaration, approved or rejected with its codes.</summary>
public sealed record PrestatieRecord
{
    public required string Agb { get; init; }

    public required string Gemeente { get; init; }

    public required string Bsn { get; init; }

    public required string DeclaratieNummer { get; init; }

    public required GeslotenPeriode DeclaratiePeriode { get; init; }

    public required string ReferentieNummer { get; init; }

    public string? VorigReferentieNummer { get; init; }

    public required long ToewijzingNummer { get; init; }

    public required string ProductCategorie { get; init; }

    public required string ProductCode { get; init; }

    public required GeslotenPeriode ProductPeriode { get; init; }

    public required long GeleverdVolume { get; init; }

    public required string Eenheid { get; init; }

    public long? ProductTarief { get; init; }

    public required long Bedrag { get; init; }

    public required string DebetCredit { get; init; }

    public required bool Approved { get; init; }

    public IReadOnlyList<string> Codes { get; init; } = [];

    public required string MessageId { get; init; }

    public bool IsCredit => DebetCredit == Ijw.Catalog.DebetCredit.Credit;

    public long SignedBedrag => Ijw.Catalog.DebetCredit.Signed(Bedrag, DebetCredit);
}
