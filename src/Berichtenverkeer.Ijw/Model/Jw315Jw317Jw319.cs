namespace Berichtenverkeer.Ijw.Model;

/// <summary>JW315 Verzoek om toewijzing (VOT).</summary>
public sealed record Jw315Message : IjwMessage
{
    public required Jw315Client Client { get; init; }

    public override IEnumerable<string> Bsns => [Client.Gegevens.Bsn];
}

public sealed record Jw315Client : IjwClass
{
    public required ClientGegevens Gegevens { get; init; }

    public string? GezagsdragerBekend { get; init; }

    public string? Commentaar { get; init; }

    public required IReadOnlyList<AangevraagdProduct> AangevraagdeProducten { get; init; }
}

public sealed record AangevraagdProduct : IjwClass, IProductPeriod
{
    public required string ReferentieAanbieder { get; init; }

    public long? BeschikkingNummer { get; init; }

    public Product? Product { get; init; }

    public DateOnly? BeschikkingIngangsdatum { get; init; }

    public required DateOnly ToewijzingIngangsdatum { get; init; }

    public DateOnly? ToewijzingEinddatum { get; init; }

    public Omvang? Omvang { get; init; }

    public long? Budget { get; init; }

    public required Verwijzer Verwijzer { get; init; }

    public string? Raamcontract { get; init; }

    public string? Commentaar { get; init; }

    DateOnly IProductPeriod.Ingangsdatum => ToewijzingIngangsdatum;

    DateOnly? IProductPeriod.Einddatum => ToewijzingEinddatum;
}

public sealed record Verwijzer(string Type, string? Naam, string? ZorgverlenerCode);

/// <summary>JW317 Verzoek om wijziging (VOW): only the BSN identifies the client.</summary>
public sealed record Jw317Message : IjwMessage
{
    public required Jw317Client Client { get; init; }

    public override IEnumerable<string> Bsns => [Client.Bsn];
}

public sealed record Jw317Client : IjwClass
{
    public required string Bsn { get; init; }

    public required Verzoek Verzoek { get; init; }
}

public sealed record Verzoek : IjwClass
{
    public required string ReferentieAanbieder { get; init; }

    public required string RedenVerzoek { get; init; }

    public IReadOnlyList<OngewijzigdProduct> OngewijzigdeProducten { get; init; } = [];

    public IReadOnlyList<TeWijzigenProduct> TeWijzigenProducten { get; init; } = [];

    public IReadOnlyList<NieuwProduct> NieuweProducten { get; init; } = [];
}

public sealed record OngewijzigdProduct : IjwClass
{
    public required long ToewijzingNummer { get; init; }
}

public sealed record TeWijzigenProduct : IjwClass, IProductPeriod
{
    public required long ToewijzingNummer { get; init; }

    public required DateOnly GewensteIngangsdatum { get; init; }

    public DateOnly? Einddatum { get; init; }

    public Omvang? Omvang { get; init; }

    public long? Budget { get; init; }

    // The product itself cannot change in a VOW and is not sent; rules needing it look up the assignment.
    Product? IProductPeriod.Product => null;

    DateOnly IProductPeriod.Ingangsdatum => GewensteIngangsdatum;
}

public sealed record NieuwProduct : IjwClass, IProductPeriod
{
    public Product? Product { get; init; }

    public required DateOnly GewensteIngangsdatum { get; init; }

    public DateOnly? Einddatum { get; init; }

    public Omvang? Omvang { get; init; }

    public long? Budget { get; init; }

    DateOnly IProductPeriod.Ingangsdatum => GewensteIngangsdatum;
}

/// <summary>JW319 Antwoordbericht: no client data, the link is ReferentieAanbieder.</summary>
public sealed record Jw319Message : IjwMessage
{
    public required Antwoord Antwoord { get; init; }

    public override IEnumerable<string> Bsns => [];
}

public sealed record Antwoord : IjwClass
{
    public required string ReferentieAanbieder { get; init; }

    public required string VerzoekAntwoord { get; init; }

    public string? RedenAfwijzingVerzoek { get; init; }

    public string? WoonplaatsbeginselGemeente { get; init; }

    public string? WoonplaatsbeginselPath { get; init; }

    public bool IsRejection => VerzoekAntwoord == "1";
}
