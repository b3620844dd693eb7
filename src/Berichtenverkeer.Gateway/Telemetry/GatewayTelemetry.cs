using System.Diagnostics;
using System.Diagnostics.Metrics;
using Berichtenverkeer.Processing.Ledger;

namespace Berichtenverkeer.Gateway.Telemetry;

/// <summary>
/// The gateway's own traces and metrics, next to MassTransit's. Tags name message types, outcomes and rule codes —
/// never a party's client: a BSN is not a tag, a span attribute or a log value anywhere.
/// </summary>
public sealed class GatewayTelemetry : IDisposable
{
    public const string Name = "Berichtenverkeer.Gateway";

    public static readonly ActivitySource Source = new(Name);

    private readonly Meter _meter = new(Name);
    private readonly Counter<long> _messages;
    private readonly Counter<long> _ruleFailures;
    private readonly Histogram<double> _latency;

    public GatewayTelemetry()
    {
        _messages = _meter.CreateCounter<long>("berichtenverkeer.messages", description: "Messages processed, by type and disposition");
        _ruleFailures = _meter.CreateCounter<long>("berichtenverkeer.rule_failures", description: "Failed iJw rules, by retourcode");
        _latency = _meter.CreateHistogram<double>("berichtenverkeer.processing.duration", unit: "ms", description: "Receipt to recorded verdict");
    }

    public void Record(LedgerRecord record, TimeSpan elapsed)
    {
        var type = record.MessageType ?? "unknown";
        _messages.Add(1, new KeyValuePair<string, object?>("message.type", type), new KeyValuePair<string, object?>("disposition", record.Disposition.ToString()));
        foreach (var code in record.RuleCodes)
        {
            _ruleFailures.Add(1, new KeyValuePair<string, object?>("rule", code), new KeyValuePair<string, object?>("message.type", type));
        }

        _latency.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("message.type", type));
    }

    public void Dispose() => _meter.Dispose();
}
