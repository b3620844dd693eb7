using System.Globalization;
using Berichtenverkeer.Gateway.Replay;

namespace Berichtenverkeer.Cli.Replay;

/// <summary>The summary a person reads after a replay or run: messages per type and disposition, then the codes seen.</summary>
internal static class SummaryTable
{
    public static void Write(TextWriter writer, ReplaySummary summary, string outFolder)
    {
        var dispositions = summary.ByDisposition.Keys.ToList();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{summary.Messages} messages in {summary.Seconds:0.0} s (system date {summary.Today})"));
        writer.WriteLine();
        writer.WriteLine($"{"message",-8}" + string.Concat(dispositions.Select(d => $"{d,11}")) + $"{"total",8}");
        foreach (var (type, counts) in summary.ByType)
        {
            writer.WriteLine($"{type,-8}" + string.Concat(dispositions.Select(d => $"{counts.GetValueOrDefault(d),11}")) + $"{counts.Values.Sum(),8}");
        }

        writer.WriteLine($"{"total",-8}" + string.Concat(dispositions.Select(d => $"{summary.ByDisposition[d],11}")) + $"{summary.Messages,8}");
        if (summary.RuleCodes.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("retourcodes and rules: " + string.Join(", ", summary.RuleCodes.Select(c => $"{c.Key} ×{c.Value}")));
        }

        if (summary.Signals.Count > 0)
        {
            writer.WriteLine("fraud-suspicion signals (events, never retourcodes): " + string.Join(", ", summary.Signals.Select(c => $"{c.Key} ×{c.Value}")));
        }

        writer.WriteLine();
        writer.WriteLine($"answers, routed messages, error notices, audit.jsonl, signals.jsonl and summary.json are in {outFolder}");
    }
}
