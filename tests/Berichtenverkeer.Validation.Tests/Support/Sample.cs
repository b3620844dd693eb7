using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Berichtenverkeer.Validation.Tests.Support;

/// <summary>
/// One of the valid sample messages of tests/samples/valid, loaded so that a test can mutate it into exactly the
/// invalid (or still valid) variant it is about. Paths are element local names from below the root, separated by
/// '/', with an optional 1-based [n] for repeated elements: "Client/ToegewezenProducten/ToegewezenProduct[2]/Einddatum".
/// XML fragments use the prefix "m:" for the message namespace and "ijw:" for the base schema namespace.
/// </summary>
internal sealed class Sample
{
    public const string IjwNamespace = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\r\n",
    };

    private readonly XDocument _doc;

    private Sample(string name, XDocument doc)
    {
        Name = name;
        _doc = doc;
    }

    /// <summary>The folder the samples are copied to at build time.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples", "valid");

    /// <summary>File names (without extension) of every valid sample, e.g. "JW301", "JW325-approved".</summary>
    public static IEnumerable<string> Names =>
        Directory.GetFiles(Folder, "*.xml").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal);

    public string Name { get; }

    public XNamespace Ns => _doc.Root!.Name.Namespace;

    public static XNamespace Ijw => IjwNamespace;

    public XElement Root => _doc.Root!;

    public static string PathOf(string name) => Path.Combine(Folder, name + ".xml");

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static Sample Load(string name) => new(name, XDocument.Load(PathOf(name)));

    public XElement Get(string path) => Find(path) ?? throw new InvalidOperationException($"{Name}: no element at '{path}'.");

    public XElement? Find(string path)
    {
        XElement? current = Root;
        foreach (var step in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, index) = ParseStep(step);
            current = current?.Elements().Where(e => e.Name.LocalName == name).Skip(index - 1).FirstOrDefault();
        }

        return current;
    }

    public string Text(string path) => Get(path).Value;

    /// <summary>Sets the text of a leaf element.</summary>
    public Sample Set(string path, string value)
    {
        Get(path).Value = value;
        return this;
    }

    public Sample Remove(string path)
    {
        Get(path).Remove();
        return this;
    }

    public Sample InsertAfter(string path, string xml)
    {
        Get(path).AddAfterSelf(Fragment(xml));
        return this;
    }

    public Sample InsertBefore(string path, string xml)
    {
        Get(path).AddBeforeSelf(Fragment(xml));
        return this;
    }

    /// <summary>Adds the fragment as the last children of the element at <paramref name="path"/>.</summary>
    public Sample Append(string path, string xml)
    {
        Get(path).Add(Fragment(xml));
        return this;
    }

    public Sample Replace(string path, string xml)
    {
        Get(path).ReplaceWith(Fragment(xml));
        return this;
    }

    /// <summary>Places a deep copy of the element right after it; the copy is then reachable as [n+1].</summary>
    public Sample Duplicate(string path)
    {
        var element = Get(path);
        element.AddAfterSelf(new XElement(element));
        return this;
    }

    /// <summary>Replaces every occurrence of a text value in leaf elements (e.g. the BSN everywhere).</summary>
    public Sample ReplaceValue(string oldValue, string newValue)
    {
        foreach (var leaf in Root.Descendants().Where(e => !e.HasElements && e.Value == oldValue))
        {
            leaf.Value = newValue;
        }

        return this;
    }

    /// <summary>The message as the wire carries it: UTF-8 without BOM, indented, CR/LF (OP192).</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, WriterSettings))
        {
            _doc.Save(writer);
        }

        return stream.ToArray();
    }

    public override string ToString() => Encoding.UTF8.GetString(ToBytes());

    public ValidationResult Validate(ValidatorOptions? options = null) =>
        (options is null ? Validators.Default : new MessageValidator(options)).Validate(ToBytes());

    private IEnumerable<XElement> Fragment(string xml) =>
        XElement.Parse($"<fragment xmlns:m=\"{Ns.NamespaceName}\" xmlns:ijw=\"{IjwNamespace}\">{xml}</fragment>").Elements().ToList();

    private static (string Name, int Index) ParseStep(string step)
    {
        var open = step.IndexOf('[', StringComparison.Ordinal);
        return open < 0
            ? (step, 1)
            : (step[..open], int.Parse(step[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
    }
}

internal static class Validators
{
    /// <summary>The validator is thread-safe and compiles the schema set once; tests share it.</summary>
    public static MessageValidator Default { get; } = new();
}
