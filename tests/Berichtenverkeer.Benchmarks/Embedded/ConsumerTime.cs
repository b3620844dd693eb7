using System.Diagnostics.Metrics;
using Berichtenverkeer.Gateway.Telemetry;

namespace Berichtenverkeer.Benchmarks.Embedded;

/// <summary>Sums the gateway's own consumer-time histogram (claim load, validation, matching, store commit) while alive.</summary>
public sealed class ConsumerTime : IDisposable
{
    private readonly MeterListener _listener = new();
    private double _totalMs;
    private long _count;

    public ConsumerTime()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GatewayTelemetry.Name && instrument.Name == "berichtenverkeer.processing.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            lock (_listener)
            {
                _totalMs += value;
                _count++;
            }
        });
        _listener.Start();
    }

    public (double TotalMs, long Count) Snapshot()
    {
        lock (_listener)
        {
            return (_totalMs, _count);
        }
    }

    public void Dispose() => _listener.Dispose();
}
