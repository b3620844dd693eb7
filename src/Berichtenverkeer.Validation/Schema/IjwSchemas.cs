using System.Xml;
using System.Xml.Schema;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Validation.Schema;

/// <summary>The iJw 3.2 schema set, loaded from the embedded XSDs and compiled once per process.</summary>
public static class IjwSchemas
{
    private static readonly Lazy<XmlSchemaSet> Compiled = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The compiled set; shared read-only by every validating reader.</summary>
    public static XmlSchemaSet Set => Compiled.Value;

    private static XmlSchemaSet Load()
    {
        // No resolver: imports are satisfied by the basisschema already in the set, never fetched.
        var set = new XmlSchemaSet { XmlResolver = null };
        var errors = new List<string>();
        set.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        Add(set, "basisschema.xsd");
        foreach (var type in MessageTypes.All)
        {
            Add(set, type.SchemaFile);
        }

        set.Compile();
        return errors.Count == 0
            ? set
            : throw new InvalidOperationException("The embedded iJw schemas do not compile: " + string.Join("; ", errors));
    }

    private static void Add(XmlSchemaSet set, string file)
    {
        using var stream = typeof(IjwSchemas).Assembly.GetManifestResourceStream("ijw/3.2/" + file)
            ?? throw new InvalidOperationException($"Embedded schema ijw/3.2/{file} is missing from the build.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        set.Add(XmlSchema.Read(reader, null)!);
    }
}
