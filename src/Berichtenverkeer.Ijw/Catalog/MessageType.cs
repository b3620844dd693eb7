namespace Berichtenverkeer.Ijw.Catalog;

/// <summary>Who sends a message: the municipality (gemeente, CBS code) or the provider (aanbieder, AGB code).</summary>
public enum Party
{
    Gemeente,
    Aanbieder,
}

/// <summary>One of the 14 iJw 3.2 messages (README §2, COD002).</summary>
public sealed record MessageType(string Name, int Number, string BerichtCode, Party Sender, bool IsRetour)
{
    public const string BasisNamespace = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";

    public string Namespace => $"http://www.istandaarden.nl/ijw/3_2/jw{Number}/schema";

    public string SchemaFile => $"jw{Number}.xsd";

    public Party Receiver => Sender == Party.Gemeente ? Party.Aanbieder : Party.Gemeente;

    /// <summary>The header's Afzender type follows the heen-message even in a retour (IV028), so a retour's
    /// Afzender is the party that receives the retour.</summary>
    public Party HeaderAfzender => IsRetour ? Receiver : Sender;

    public override string ToString() => Name;
}
