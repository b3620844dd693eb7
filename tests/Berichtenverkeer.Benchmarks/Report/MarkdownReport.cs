using System.Globalization;
using System.Text;

namespace Berichtenverkeer.Benchmarks.Report;

/// <summary>results.md: the targets, the machine, and one short table per scenario.</summary>
public static class MarkdownReport
{
    public static string Render(BenchResults r)
    {
        var md = new StringBuilder();
        Line(md, $"# Benchmark results{(r.Quick ? " (quick smoke run: toy sizes, figures indicative only)" : "")}");
        md.AppendLine();
        Line(md, $"Taken {r.Started:yyyy-MM-dd HH:mm} UTC on {r.Machine.Cpu}, {r.Machine.Cores} cores, {r.Machine.MemoryGiB:F0} GiB, {r.Machine.Os}, {r.Machine.Dotnet}. {r.Machine.Note}");
        md.AppendLine();
        Line(md, $"Reproduce: `{r.Command}`");
        md.AppendLine();
        md.AppendLine("## Targets (measured, not asserted)");
        md.AppendLine();
        md.AppendLine("| Target | Measured | Verdict |");
        md.AppendLine("|---|---|---|");
        foreach (var t in r.Targets)
        {
            Line(md, $"| {t.Target} | {t.Measured} | {t.Verdict} |");
        }

        if (r.Validation is { } v)
        {
            md.AppendLine();
            md.AppendLine("## Validation (levels 1–2) vs raw XmlReader read");
            md.AppendLine();
            md.AppendLine("| Message | Bytes | Raw MB/s | Validate MB/s | Validate msg/s | Ratio |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var row in v.Rows)
            {
                Line(md, $"| {row.Message} | {row.Bytes:N0} | {row.RawMBps:F1} | {row.ValidateMBps:F1} | {row.ValidateMessagesPerSecond:N0} | {row.Ratio:F2}× |");
            }
        }

        if (r.EndToEnd is { } e)
        {
            md.AppendLine();
            md.AppendLine("## End to end: gateway (HTTP → RabbitMQ → PostgreSQL → party queue) vs bare MassTransit echo");
            md.AppendLine();
            if (e.Status != "ok")
            {
                Line(md, $"{e.Status}");
            }
            else
            {
                Line(md, $"{e.Workload}; mean message {e.PayloadBytesMean:N0} bytes; {e.Partitions} partitions (quorum queues, single active consumer, prefetch 1, publisher confirms) on both sides. Latency: send → first answer/routed copy (gateway) or reply (echo).");
                md.AppendLine();
                md.AppendLine("| Offered load | Offered msg/s | Gateway out msg/s | Gateway p50 / p99 ms | Echo out msg/s | Echo p50 / p99 ms |");
                md.AppendLine("|---|---:|---:|---:|---:|---:|");
                for (var i = 0; i < e.Gateway.Count; i++)
                {
                    var g = e.Gateway[i];
                    var x = i < e.Echo.Count ? e.Echo[i] : null;
                    var offered = g.OfferedPerSecond > 0 ? g.AchievedOfferedPerSecond.ToString("F1", CultureInfo.InvariantCulture) : "saturation";
                    Line(md, $"| {g.Label} | {offered} | {g.ThroughputPerSecond:F1} | {g.P50Ms:F0} / {g.P99Ms:F0} | {x?.ThroughputPerSecond:F1} | {x?.P50Ms:F0} / {x?.P99Ms:F0} |");
                }

                if (e.GatewayStages.Count > 0)
                {
                    md.AppendLine();
                    md.AppendLine("Where a gateway message's mean latency goes at 50 % load:");
                    md.AppendLine();
                    md.AppendLine("| Stage | Mean ms | Share |");
                    md.AppendLine("|---|---:|---:|");
                    foreach (var s in e.GatewayStages)
                    {
                        Line(md, $"| {s.Stage} | {s.MeanMs:F1} | {s.ShareOfTotal:P0} |");
                    }
                }
            }
        }

        if (r.Embedded.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Embedded default (in-memory transport, SQLite): wall time of a month");
            md.AppendLine();
            md.AppendLine("| Month | Messages | Prestaties | Generate s | Process s | msg/s | Whole preset (extrapolated) | Peak RSS generate / process MiB |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var x in r.Embedded)
            {
                if (x.Status != "ok")
                {
                    Line(md, $"| {x.Name} | {x.Status} | | | | | | |");
                    continue;
                }

                var name = x.Fraction < 1 ? $"{x.Name} ({x.Fraction.ToString("P1", CultureInfo.InvariantCulture)} of the country)" : x.Name;
                var whole = x.ExtrapolatedProcessSeconds is { } s ? $"{(s / 60).ToString("F1", CultureInfo.InvariantCulture)} min" : "—";
                Line(md, $"| {name} | {x.Messages:N0} | {x.Prestaties:N0} | {x.GenerateSeconds:F1} | {x.ProcessSeconds:F1} | {x.MessagesPerSecond:F0} | {whole} | {x.GeneratePeakRssMiB:F0} / {x.ProcessPeakRssMiB:F0} |");
            }
        }

        foreach (var x in r.Embedded.Where(x => x.Stages.Count > 0))
        {
            md.AppendLine();
            Line(md, $"Where the {x.Name}'s processing time goes (consumer time is summed over the partitions running at once, so its share of the wall time can pass 100 %):");
            md.AppendLine();
            md.AppendLine("| Stage | Mean ms per message | Share of wall time |");
            md.AppendLine("|---|---:|---:|");
            foreach (var s in x.Stages)
            {
                Line(md, $"| {s.Stage} | {s.MeanMs:F2} | {s.ShareOfTotal:P0} |");
            }
        }

        if (r.Memory.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Peak memory (VmHWM of each scenario's own process)");
            md.AppendLine();
            md.AppendLine("| Scenario | Peak RSS MiB |");
            md.AppendLine("|---|---:|");
            foreach (var m in r.Memory)
            {
                Line(md, $"| {m.Scenario} | {m.PeakRssMiB:F0} |");
            }
        }

        if (r.Notes.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var note in r.Notes)
            {
                md.Append("- ").AppendLine(note);
            }
        }

        return md.ToString();
    }

    private static void Line(StringBuilder md, FormattableString text) => md.AppendLine(text.ToString(CultureInfo.InvariantCulture));
}
