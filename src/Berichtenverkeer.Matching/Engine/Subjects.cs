using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Matching.Engine;

/// <summary>A prestatie with the client it is declared for: the prestatie rules need both.</summary>
public sealed record DeclaredPrestatie : IjwClass
{
    public required DeclaratieClient Client { get; init; }

    public required Prestatie Prestatie { get; init; }

    public required Declaratie Declaratie { get; init; }
}

/// <summary>A prestatie echoed in a JW325, checked by the receiving provider against its JW323 (TR366/TR367).</summary>
public sealed record EchoedPrestatie : IjwClass
{
    public required AntwoordClient Client { get; init; }

    public required Prestatie Prestatie { get; init; }
}

/// <summary>The Woonplaatsbeginsel class of a JW319, whose municipality code TR378 checks ([DERIVED]).</summary>
public sealed record WoonplaatsbeginselSubject : IjwClass
{
    public required string Gemeente { get; init; }
}
