using System.Diagnostics;
using System.Globalization;
using Berichtenverkeer.Benchmarks.Report;
using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Benchmarks.EndToEnd;

/// <summary>
/// The gateway end to end (HTTP in → RabbitMQ → consumer → PostgreSQL → outbox → party queue) against the bare
/// MassTransit echo, on the same broker, the same messages and the same offered loads: first a saturation run that
/// finds the gateway's maximum, then 25 %–125 % of it. Every load runs on the next slice of the month's traffic, on
/// one gateway whose state the history built, so every message is new to it (no duplicate identificaties).
/// </summary>
public static class EndToEndScenario
{
    public const int Partitions = 8;

    private static readonly double[] Loads = [0.25, 0.50, 0.75, 1.00, 1.25];

    public static async Task<EndToEndResults> RunAsync(bool quick, string workFolder, TextWriter log)
    {
        if (BrokerEnvironment.FromEnvironment() is not { } env)
        {
            return new EndToEndResults { Status = "skipped: no broker (BERICHTENVERKEER_RABBITMQ / BERICHTENVERKEER_POSTGRES not set)" };
        }

        var traffic = EndToEndTraffic.Generate(quick, Path.Combine(workFolder, "e2e-traffic"));
        var saturationCount = Math.Min(quick ? 20 : 500, traffic.Month.Count / 3);
        var seconds = quick ? 2.0 : 20.0;
        log.WriteLine(Invariant($"e2e: {traffic.History.Count} history messages, {traffic.Month.Count} in the measured months, {traffic.Parties.Count()} parties"));

        var gateway = new List<LoadPoint>();
        var slices = new List<(double Rate, IReadOnlyList<OfferedMessage> Messages)>();
        var stages = new List<StageTime>();
        double gatewayMax;
        await using (var rig = await GatewayRig.StartAsync(env, traffic, Partitions))
        {
            var idle = TimeSpan.FromSeconds(quick ? 3 : 10);
            var preload = await OpenLoop.RunAsync("history", traffic.History, double.PositiveInfinity, rig.SendAsync, rig.Tracker, 32, idle);
            log.WriteLine(Invariant($"e2e: gateway history loaded: {preload.Completed}/{preload.Sent} at {preload.ThroughputPerSecond}/s"));
            rig.TakeStageMeans();

            var saturation = traffic.Month.Take(saturationCount).ToList();
            var max = await OpenLoop.RunAsync("max", saturation, double.PositiveInfinity, rig.SendAsync, rig.Tracker, 32, idle);
            gateway.Add(max);
            gatewayMax = max.ThroughputPerSecond;
            log.WriteLine(Invariant($"e2e: gateway max {gatewayMax}/s (p50 {max.P50Ms} ms, p99 {max.P99Ms} ms)"));
            rig.TakeStageMeans();

            var next = saturationCount;
            for (var i = 0; i < Loads.Length; i++)
            {
                var rate = Math.Max(1, gatewayMax * Loads[i]);
                var remaining = traffic.Month.Count - next;
                var count = (int)Math.Min(Math.Ceiling(rate * seconds), remaining / (Loads.Length - i));
                var slice = traffic.Month.Skip(next).Take(count).ToList();
                next += count;
                slices.Add((rate, slice));
                var point = await OpenLoop.RunAsync(Label(Loads[i]), slice, rate, rig.SendAsync, rig.Tracker, 32, idle);
                gateway.Add(point);
                var (ingress, processing) = rig.TakeStageMeans();
                log.WriteLine(Invariant($"e2e: gateway {point.Label}: offered {point.AchievedOfferedPerSecond}/s, out {point.ThroughputPerSecond}/s, p50 {point.P50Ms} ms, p99 {point.P99Ms} ms (ingress {ingress:F1} ms, consumer {processing:F1} ms)"));
                if (Loads[i] == 0.50)
                {
                    stages = Stages(point, ingress, processing, slice);
                }
            }
        }

        var echo = new List<LoadPoint>();
        double echoMax;
        await using (var rig = await EchoRig.StartAsync(env, Partitions))
        {
            var idle = TimeSpan.FromSeconds(quick ? 3 : 10);
            await OpenLoop.RunAsync("warm-up", traffic.History.Take(200).ToList(), double.PositiveInfinity, rig.SendAsync, rig.Tracker, 32, idle);
            var max = await OpenLoop.RunAsync("max", traffic.Month.Take(saturationCount).ToList(), double.PositiveInfinity, rig.SendAsync, rig.Tracker, 32, idle);
            echo.Add(max);
            echoMax = max.ThroughputPerSecond;
            log.WriteLine(Invariant($"e2e: echo max {echoMax}/s (p50 {max.P50Ms} ms, p99 {max.P99Ms} ms)"));
            for (var i = 0; i < slices.Count; i++)
            {
                var point = await OpenLoop.RunAsync(Label(Loads[i]), slices[i].Messages, slices[i].Rate, rig.SendAsync, rig.Tracker, 32, idle);
                echo.Add(point);
                log.WriteLine(Invariant($"e2e: echo {point.Label}: offered {point.AchievedOfferedPerSecond}/s, out {point.ThroughputPerSecond}/s, p50 {point.P50Ms} ms, p99 {point.P99Ms} ms"));
            }
        }

        var all = traffic.History.Concat(traffic.Month).ToList();
        return new EndToEndResults
        {
            Status = "ok",
            Partitions = Partitions,
            PayloadBytesMean = (int)all.Average(m => m.Content.Length),
            Workload = Workload(traffic),
            GatewayMaxPerSecond = gatewayMax,
            EchoMaxPerSecond = echoMax,
            Gateway = gateway,
            Echo = echo,
            GatewayStages = stages,
            PeakRssMiB = PeakMemory.OwnMiB(),
        };
    }

    private static string Label(double load) => Invariant($"{load * 100:F0}% of gateway max");

    private static string Workload(EndToEndTraffic traffic)
    {
        var mix = traffic.Month.GroupBy(m => m.Type).OrderByDescending(g => g.Count())
            .Select(g => Invariant($"{g.Key} {100.0 * g.Count() / traffic.Month.Count:F0}%"));
        return Invariant($"{traffic.Month.Count} generated messages ({string.Join(", ", mix)}) after {traffic.History.Count} history messages that build the state");
    }

    /// <summary>
    /// Where a message's mean latency goes at half load: the HTTP ingress and the consumer are timed by the gateway
    /// (stopwatch, histogram); validation is timed apart on the same messages; the rest is queueing, the outbox's
    /// pass and the broker's two hops.
    /// </summary>
    private static List<StageTime> Stages(LoadPoint point, double ingressMs, double consumerMs, IReadOnlyList<OfferedMessage> messages)
    {
        var validator = new MessageValidator();
        foreach (var m in messages.Take(20))
        {
            validator.Validate(m.Content);
        }

        var started = Stopwatch.GetTimestamp();
        foreach (var m in messages)
        {
            validator.Validate(m.Content);
        }

        var validateMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds / Math.Max(1, messages.Count);
        var total = point.MeanMs;
        var rest = total - ingressMs - consumerMs;
        return
        [
            Stage("HTTP ingress: store the bytes, send the command (confirm), level 1", ingressMs, total),
            Stage("consumer: validation L1+L2 (timed apart on the same messages)", validateMs, total),
            Stage("consumer: claim load, matching, answer, store commit", consumerMs - validateMs, total),
            Stage("queue wait, outbox dispatch, broker delivery (the rest)", rest, total),
        ];
    }

    private static StageTime Stage(string name, double ms, double total) =>
        new(name, Math.Round(ms, 2), total > 0 ? Math.Round(ms / total, 3) : double.NaN);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
