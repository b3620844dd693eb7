namespace Berichtenverkeer.Ijw.Model;

/// <summary>JW305 Start jeugdhulp.</summary>
public sealed record Jw305Message : IjwMessage
{
    public required RegieClient<StartProduct> Client { get; init; }

    public override IEnumerable<string> Bsns => [Client.Gegevens.Bsn];
}

/// <summary>JW307 Stop jeugdhulp.</summary>
public sealed record Jw307Message : IjwMessage
{
    public required RegieClient<StopProduct> Client { get; init; }

    public override IEnumerable<string> Bsns => [Client.Gegevens.Bsn];
}

/// <summary>The client of a start or stop message with its products.</summary>
public sealed record RegieClient<TProduct> : IjwClass
    where TProduct : RegieProduct
{
    public required ClientGegevens Gegevens { get; init; }

    public required IReadOnlyList<TProduct> Products { get; init; }
}

/// <summary>What a StartProduct and a StopProduct share; ToewijzingNummer + Product + Begindatum identify the start.</summary>
public abstract record RegieProduct : IjwClass
{
    public long? ToewijzingNummer { get; init; }

    public Product? Product { get; init; }

    public DateOnly? ToewijzingIngangsdatum { get; init; }

    public required DateOnly Begindatum { get; init; }

    public required string StatusAanlevering { get; init; }

    public bool IsDelete => StatusAanlevering == Catalog.StatusAanlevering.Verwijderen;
}

public sealed record StartProduct : RegieProduct;

public sealed record StopProduct : RegieProduct
{
    public required string RedenBeeindiging { get; init; }

    public required DateOnly Einddatum { get; init; }

    public bool IsTemporary => RedenBeeindiging == Catalog.RedenBeeindiging.Tijdelijk;
}
