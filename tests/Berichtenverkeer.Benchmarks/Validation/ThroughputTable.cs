using System.Globalization;
using BenchmarkDotNet.Reports;

namespace Berichtenverkeer.Benchmarks.Validation;

/// <summary>
/// MB/s, messages/s and validation/raw ratio per message, from BenchmarkDotNet's mean times. BenchmarkDotNet has no
/// bytes-per-second column, so the message sizes come from <see cref="BenchmarkMessages"/> (deterministic).
/// </summary>
internal static class ThroughputTable
{
    public static void Write(IEnumerable<Summary> summaries, TextWriter writer)
    {
        var rows = summaries.SelectMany(s => s.Reports.Select(r => (Summary: s, Report: r)))
            .Where(x => x.Report.ResultStatistics is not null && x.Report.BenchmarkCase.Descriptor.Type == typeof(ValidationThroughput))
            .Select(x => (
                Message: (string)x.Report.BenchmarkCase.Parameters["Message"],
                Method: x.Report.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                MeanNs: x.Report.ResultStatistics!.Mean,
                Allocated: x.Report.GcStats.GetBytesAllocatedPerOperation(x.Report.BenchmarkCase)))
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("Throughput (MB = 10^6 bytes; ratio = validate time / raw XmlReader time)");
        writer.WriteLine("| Message | Bytes | Benchmark | Mean | MB/s | msgs/s | Allocated/op | Ratio |");
        writer.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => r.Message))
        {
            var bytes = BenchmarkMessages.Get(group.Key).Length;
            var raw = group.FirstOrDefault(r => r.Method == nameof(ValidationThroughput.RawRead));
            foreach (var row in group.OrderBy(r => r.Method == nameof(ValidationThroughput.RawRead) ? 0 : 1))
            {
                var ratio = raw.MeanNs > 0 ? row.MeanNs / raw.MeanNs : double.NaN;
                writer.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {row.Message} | {bytes:N0} | {row.Method} | {Time(row.MeanNs)} | {bytes / row.MeanNs * 1e3:F1} | {1e9 / row.MeanNs:N0} | {Size(row.Allocated)} | {ratio:F2} |"));
            }
        }
    }

    private static string Time(double ns) => ns switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e6:F2} ms"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e3:F1} us"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns:F0} ns"),
    };

    private static string Size(long? bytes) => bytes switch
    {
        null => "?",
        >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F2} MiB"),
        >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
