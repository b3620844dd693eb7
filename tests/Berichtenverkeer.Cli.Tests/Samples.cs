namespace Berichtenverkeer.Cli.Tests;

/// <summary>The valid sample messages copied next to the tests, and broken variants made from them.</summary>
internal static class Samples
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "samples", "valid");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    /// <summary>The sample with one exact piece of text replaced; fails loudly if the sample no longer has it.</summary>
    public static string With(string name, string find, string replacement)
    {
        var text = Text(name);
        Assert.Contains(find, text, StringComparison.Ordinal);
        return text.Replace(find, replacement, StringComparison.Ordinal);
    }

    /// <summary>Level 2 (TR358): the declared total is one cent more than the sum of the prestaties.</summary>
    public static string Jw323WithWrongTotal() =>
        With("JW323.xml", "<ijw:TotaalBedrag>225000</ijw:TotaalBedrag>", "<ijw:TotaalBedrag>225001</ijw:TotaalBedrag>");

    /// <summary>Level 1: well-formed XML whose root is not in any iJw namespace.</summary>
    public const string UnknownNamespace =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<x:Bericht xmlns:x=\"urn:example:not-ijw\"><x:Header/></x:Bericht>\n";

    public const string NotXml = "Dit is geen XML-bericht.\n";
}
