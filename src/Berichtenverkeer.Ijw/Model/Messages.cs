using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Ijw.Model;

/// <summary>A parsed iJw message. Raw XML stays the source of truth; this is the view rules and matching use.</summary>
public abstract record IjwMessage
{
    public required MessageType Type { get; init; }

    public required Header Header { get; init; }

    /// <summary>The client BSN(s) the message is about, for pseudonymised audit and per-client ordering.</summary>
    public abstract IEnumerable<string> Bsns { get; }
}

/// <summary>A retour (JW302/306/308/316/318/320): only its header matters to the gateway.</summary>
public sealed record RetourMessage : IjwMessage
{
    public required string IdentificatieRetour { get; init; }

    public required DateOnly DagtekeningRetour { get; init; }

    public IReadOnlyList<string> RetourCodes { get; init; } = [];

    public string? Bsn { get; init; }

    public override IEnumerable<string> Bsns => Bsn is null ? [] : [Bsn];
}
