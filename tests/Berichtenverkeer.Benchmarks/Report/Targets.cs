using System.Globalization;

namespace Berichtenverkeer.Benchmarks.Report;

/// <summary>The targets, judged against what was measured; reported, never asserted.</summary>
public static class Targets
{
    public static List<TargetResult> Judge(BenchResults r)
    {
        var targets = new List<TargetResult>();
        if (r.Validation is { Rows.Count: > 0 } v)
        {
            foreach (var row in v.Rows)
            {
                targets.Add(new($"validation ≥ 0.5× raw XmlReader read ({row.Message})", F($"{row.Ratio:F2}×"), Verdict(row.Ratio >= 0.5)));
            }
        }

        if (r.EndToEnd is { Status: "ok" } e)
        {
            var ratio = e.EchoMaxPerSecond > 0 ? e.GatewayMaxPerSecond / e.EchoMaxPerSecond : double.NaN;
            targets.Add(new("gateway throughput ≥ 0.5× bare MassTransit echo", F($"{ratio:F2}× ({e.GatewayMaxPerSecond:F0} vs {e.EchoMaxPerSecond:F0} msg/s)"), Verdict(ratio >= 0.5)));
            if (e.Gateway.FirstOrDefault(p => p.Label.StartsWith("50%", StringComparison.Ordinal)) is { } half)
            {
                targets.Add(new("p99 < 50 ms at half of max throughput", F($"{half.P99Ms:F0} ms at {half.AchievedOfferedPerSecond:F0} msg/s"), Verdict(half.P99Ms < 50)));
            }
        }
        else if (r.EndToEnd is { } skipped)
        {
            targets.Add(new("gateway throughput ≥ 0.5× bare MassTransit echo", skipped.Status, "not measured"));
            targets.Add(new("p99 < 50 ms at half of max throughput", skipped.Status, "not measured"));
        }

        if (r.Embedded.FirstOrDefault(x => x.Name == "national-month") is { Status: "ok" } n)
        {
            var seconds = n.ExtrapolatedProcessSeconds ?? n.ProcessSeconds;
            var how = n.Fraction < 1 ? F($" (extrapolated ×{1 / n.Fraction:F0} from {n.Fraction:P1} of the country: {n.ProcessSeconds:F0} s)") : "";
            targets.Add(new("national month ≤ 5 minutes (embedded, 2 cores)", F($"{seconds / 60:F1} min{how}"), Verdict(seconds <= 300)));
            var peak = Math.Max(n.ProcessPeakRssMiB, n.GeneratePeakRssMiB);
            if (n.Fraction < 1 && !r.Quick && GrowthPerMessage(r, n) is { } perMessage)
            {
                var whole = n.ProcessPeakRssMiB + (perMessage * ((n.Messages / n.Fraction) - n.Messages));
                targets.Add(new(
                    "national month under 1 GiB",
                    F($"{peak:F0} MiB peak RSS at {n.Fraction:P1} of the country; ≈ {whole / 1024:F1} GiB extrapolated at the {perMessage * 1024:F1} KiB per message it grew by between the region and national runs"),
                    Verdict(whole < 1024)));
            }
            else
            {
                var memoryHow = n.Fraction < 1 ? F($" at {n.Fraction:P1} of the country") : "";
                targets.Add(new("national month under 1 GiB", F($"{peak:F0} MiB peak RSS{memoryHow}"), Verdict(peak < 1024) + (n.Fraction < 1 ? " (at the fraction only)" : "")));
            }
        }

        return targets;
    }

    /// <summary>MiB of peak RSS per processed message between the region month and the national fraction, where both ran.</summary>
    private static double? GrowthPerMessage(BenchResults r, EmbeddedResult national)
    {
        if (r.Embedded.FirstOrDefault(x => x.Name == "region-month") is not { Status: "ok" } region || region.Messages == national.Messages)
        {
            return null;
        }

        var slope = (national.ProcessPeakRssMiB - region.ProcessPeakRssMiB) / (national.Messages - region.Messages);
        return slope > 0 ? slope : null;
    }

    private static string Verdict(bool met) => met ? "met" : "missed";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
