using System.Xml;
using BenchmarkDotNet.Attributes;
using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Benchmarks.Validation;

/// <summary>
/// Validation (levels 1 and 2) against the floor any XML processing pays: an XmlReader reading every node of the
/// same bytes with the same security settings but no schema. The Ratio column is validation / raw read.
/// </summary>
[MemoryDiagnoser]
public class ValidationThroughput
{
    private static readonly XmlReaderSettings RawSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly MessageValidator _validator = new();
    private byte[] _bytes = [];

    [Params(BenchmarkMessages.Small, BenchmarkMessages.Large)]
    public string Message { get; set; } = BenchmarkMessages.Small;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = BenchmarkMessages.Get(Message);
        var result = _validator.Validate(_bytes);
        if (!result.IsValid)
        {
            var errors = string.Join(Environment.NewLine, result.Errors.Take(10).Select(e => $"  L{e.Level} {e.Rule} {e.Path}: {e.Message}"));
            throw new InvalidOperationException($"The {Message} benchmark message is not valid, so it would measure the wrong thing:{Environment.NewLine}{errors}");
        }
    }

    [Benchmark(Baseline = true, Description = "raw XmlReader")]
    public long RawRead()
    {
        using var reader = XmlReader.Create(new MemoryStream(_bytes, writable: false), RawSettings);
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

    [Benchmark(Description = "validate L1+L2")]
    public ValidationResult Validate() => _validator.Validate(_bytes);
}
