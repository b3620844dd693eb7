namespace Berichtenverkeer.Ijw.Model;

/// <summary>JW301 Toewijzing: one client, all its current and changed assignments for one provider (OP087).</summary>
public sealed record Jw301Message : IjwMessage
{
    public required Jw301Client Client { get; init; }

    public override IEnumerable<string> Bsns => [Client.Gegevens.Bsn];
}

public sealed record Jw301Client : IjwClass
{
    public required ClientGegevens Gegevens { get; init; }

    public string? CommunicatieVorm { get; init; }

    public string? CommunicatieTaal { get; init; }

    public bool HasCommunicatie { get; init; }

    public string? JuridischeStatus { get; init; }

    public string? WettelijkeVertegenwoordiging { get; init; }

    public string? Commentaar { get; init; }

    public IReadOnlyList<Relatie> Relaties { get; init; } = [];

    public required IReadOnlyList<Contact> Contactgegevens { get; init; }

    public required IReadOnlyList<ToegewezenProduct> ToegewezenProducten { get; init; }
}

public sealed record Relatie : IjwClass
{
    public required string Nummer { get; init; }

    public long? Volgorde { get; init; }

    public required string Soort { get; init; }

    public Geboortedatum? Geboortedatum { get; init; }

    public string? Geslacht { get; init; }

    public required Naam Naam { get; init; }

    public required Contact Contact { get; init; }
}

public sealed record Contact : IjwClass
{
    public required string Soort { get; init; }

    public Adres? Adres { get; init; }

    public string? Organisatie { get; init; }

    public Telefoon? Telefoon { get; init; }

    public string? Emailadres { get; init; }

    public OpenPeriode? Periode { get; init; }
}

public sealed record Adres(Huis? Huis, string? Postcode, string? Straatnaam, string? Plaatsnaam, string? LandCode);

public sealed record Huis(long Huisnummer, string? Huisletter, string? HuisnummerToevoeging, string? AanduidingWoonadres);

public sealed record Telefoon(string Telefoon01, string? Telefoon02);

public sealed record ToegewezenProduct : IjwClass, IProductPeriod
{
    public required long ToewijzingNummer { get; init; }

    public string? ReferentieAanbieder { get; init; }

    public Product? Product { get; init; }

    public required DateOnly Toewijzingsdatum { get; init; }

    public required TimeOnly Toewijzingstijd { get; init; }

    public required DateOnly Ingangsdatum { get; init; }

    public DateOnly? Einddatum { get; init; }

    public string? RedenWijziging { get; init; }

    public Omvang? Omvang { get; init; }

    public long? Budget { get; init; }

    public string? Commentaar { get; init; }

    /// <summary>Deleted: Einddatum = Ingangsdatum with reason 13 (or obsolete 01); counts as never sent (rules.md §0).</summary>
    public bool IsDeleted =>
        Einddatum == Ingangsdatum && RedenWijziging is Catalog.RedenWijziging.Verwijderd or Catalog.RedenWijziging.AdministratieveCorrectieVervallen;

    /// <summary>The version order of IV013: the highest Toewijzingsdatum + Toewijzingstijd is current.</summary>
    public DateTime VersionMoment => Toewijzingsdatum.ToDateTime(Toewijzingstijd);
}
