using System.Xml;
using System.Xml.Schema;
using BenchmarkDotNet.Attributes;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Ijw.Reading;
using Berichtenverkeer.Validation;
using Berichtenverkeer.Validation.Schema;

namespace Berichtenverkeer.Benchmarks.Validation;

/// <summary>
/// Where <see cref="ValidationThroughput"/>'s "validate L1+L2" time goes, stage by stage (issue #6): each benchmark adds
/// one stage to the one before, so the differences between means are the cost of that stage.
/// The reader settings copy MessageValidator's, which keeps them private.
/// </summary>
[MemoryDiagnoser]
public class ValidationBreakdown
{
    private static readonly XmlReaderSettings RawSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly MessageValidator _validator = new();
    private XmlReaderSettings _schemaSettings = RawSettings;
    private byte[] _bytes = [];
    private MessageType _type = MessageTypes.All[0];
    private MessageNode? _tree;
    private IjwMessage? _model;

    [Params(BenchmarkMessages.Small, BenchmarkMessages.Large)]
    public string Message { get; set; } = BenchmarkMessages.Small;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = BenchmarkMessages.Get(Message);
        _schemaSettings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            ValidationType = ValidationType.Schema,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            Schemas = IjwSchemas.Set,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        var result = _validator.Validate(_bytes);
        _type = result.Type ?? throw new InvalidOperationException($"{Message} has no message type.");
        _tree = result.Tree ?? throw new InvalidOperationException($"{Message} did not pass level 1.");
        _model = result.Message ?? throw new InvalidOperationException($"{Message} has no model.");
    }

    [Benchmark(Baseline = true, Description = "1 raw XmlReader")]
    public long RawRead() => ReadAll(_bytes, RawSettings);

    [Benchmark(Description = "2 XSD-validating XmlReader, no tree")]
    public long SchemaRead() => ReadAll(_bytes, _schemaSettings);

    [Benchmark(Description = "3 raw XmlReader + tree")]
    public MessageNode RawTree()
    {
        using var reader = XmlReader.Create(new MemoryStream(_bytes, writable: false), RawSettings);
        return new MessageTreeReader().Read(reader);
    }

    [Benchmark(Description = "4 XSD-validating XmlReader + tree (L1)")]
    public MessageNode SchemaTree()
    {
        using var reader = XmlReader.Create(new MemoryStream(_bytes, writable: false), _schemaSettings);
        return new MessageTreeReader().Read(reader);
    }

    [Benchmark(Description = "5 tree -> model (ModelReader)")]
    public IjwMessage Model() => ModelReader.Read(_type, _tree!);

    [Benchmark(Description = "6 level-2 rules on the model")]
    public int Level2() => _validator.Level2(_model!, _tree!).Count;

    [Benchmark(Description = "7 validate L1+L2")]
    public ValidationResult Validate() => _validator.Validate(_bytes);

    private static long ReadAll(byte[] bytes, XmlReaderSettings settings)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
        long chars = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Text)
            {
                chars += reader.Value.Length;
            }
        }

        return chars;
    }
}
