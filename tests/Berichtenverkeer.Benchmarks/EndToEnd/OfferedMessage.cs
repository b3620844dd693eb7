using Berichtenverkeer.Generator;
using Berichtenverkeer.Ijw.Reading;

namespace Berichtenverkeer.Benchmarks.EndToEnd;

/// <summary>One message to offer: its bytes, the party that sends it, and its municipality–provider pair.</summary>
public sealed record OfferedMessage(byte[] Content, string Type, string Afzender, string Ontvanger, string PairKey);

/// <summary>
/// The end-to-end traffic: generated (no defects, no fraud), with one client per declaration so JW323 dominates as at
/// the start of a month. The history (assignments and starts of clients already in care) is offered first to build
/// the state; the months after it are what the loads are measured on.
/// </summary>
public sealed record EndToEndTraffic(IReadOnlyList<OfferedMessage> History, IReadOnlyList<OfferedMessage> Month, string ReferenceFolder, DateOnly Today)
{
    public IEnumerable<string> Parties => History.Concat(Month).SelectMany(m => new[] { m.Afzender, m.Ontvanger }).Distinct(StringComparer.Ordinal);

    public static EndToEndTraffic Generate(bool quick, string folder)
    {
        var options = new GeneratorOptions
        {
            Preset = GeneratorPreset.Tiny,
            Municipalities = quick ? 2 : 4,
            Providers = quick ? 3 : 40,
            Clients = quick ? 20 : 1_200,
            Months = 2,
            HistoryMonths = quick ? 2 : 3,
            MaxClientsPerDeclaration = 1,
            DefectRate = 0,
            FraudRate = 0,
        };
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var report = TrafficGenerator.Generate(options, folder);
        var all = Directory.EnumerateFiles(Path.Combine(folder, "messages"), "*.xml")
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();
        var history = (int)report.HistoryMessages;
        return new EndToEndTraffic(all[..history], all[history..], Path.Combine(folder, "reference"), report.Settings.EndExclusive);
    }

    private static OfferedMessage Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var header = HeaderPeek.Read(bytes) ?? throw new InvalidDataException($"{path}: no iJw header.");
        return new OfferedMessage(bytes, header.Type.Name, header.Afzender, header.Ontvanger, HeaderPeek.PartitionKey(bytes, header.Afzender));
    }
}
