namespace Berichtenverkeer.Ijw.Model;

/// <summary>JW323 Declaratie: one calendar month, one or more clients.</summary>
public sealed record Jw323Message : IjwMessage
{
    public required Declaratie Declaratie { get; init; }

    public override IEnumerable<string> Bsns => Declaratie.Clienten.Select(c => c.Bsn);
}

public sealed record Declaratie : IjwClass
{
    public required string DeclaratieNummer { get; init; }

    public required GeslotenPeriode DeclaratiePeriode { get; init; }

    public required DateOnly DeclaratieDagtekening { get; init; }

    public required Bedrag TotaalIngediendBedrag { get; init; }

    public required IReadOnlyList<DeclaratieClient> Clienten { get; init; }

    public IEnumerable<Prestatie> Prestaties => Clienten.SelectMany(c => c.Prestaties);
}

public sealed record DeclaratieClient : IjwClass
{
    public required string Bsn { get; init; }

    public required IReadOnlyList<Prestatie> Prestaties { get; init; }
}

public sealed record Prestatie : IjwClass
{
    public required string ReferentieNummer { get; init; }

    public string? VorigReferentieNummer { get; init; }

    public required long ToewijzingNummer { get; init; }

    public required string ProductCategorie { get; init; }

    public required string ProductCode { get; init; }

    public required GeslotenPeriode ProductPeriode { get; init; }

    public required long GeleverdVolume { get; init; }

    public required string Eenheid { get; init; }

    public long? ProductTarief { get; init; }

    public required Bedrag IngediendBedrag { get; init; }

    /// <summary>Retour codes, only on prestaties echoed in a JW325.</summary>
    public IReadOnlyList<string> RetourCodes { get; init; } = [];

    public bool IsCredit => IngediendBedrag.DebetCredit == Catalog.DebetCredit.Credit;
}

/// <summary>JW325 Declaratie-antwoord: a heen-message of its own that echoes only rejected prestaties.</summary>
public sealed record Jw325Message : IjwMessage
{
    public required BerichtIdentificatie DeclaratieIdentificatie { get; init; }

    public required XsdVersie XsdVersieDeclaratie { get; init; }

    public required IReadOnlyList<string> HeaderRetourCodes { get; init; }

    public DeclaratieAntwoord? DeclaratieAntwoord { get; init; }

    public override IEnumerable<string> Bsns => DeclaratieAntwoord?.Clienten.Select(c => c.Bsn) ?? [];
}

public sealed record DeclaratieAntwoord : IjwClass
{
    public required string DeclaratieNummer { get; init; }

    public required Bedrag TotaalIngediendBedrag { get; init; }

    public required Bedrag TotaalToegekendBedrag { get; init; }

    public IReadOnlyList<AntwoordClient> Clienten { get; init; } = [];

    public required IReadOnlyList<string> RetourCodes { get; init; }
}

public sealed record AntwoordClient : IjwClass
{
    public required string Bsn { get; init; }

    public required IReadOnlyList<Prestatie> Prestaties { get; init; }

    public required IReadOnlyList<string> RetourCodes { get; init; }
}
