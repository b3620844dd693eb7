using System.Diagnostics;
using Berichtenverkeer.Generator.Simulation;

namespace Berichtenverkeer.Generator;

/// <summary>
/// An in-memory run: the messages in processing order, rendered one at a time and never written to disk, and the
/// run's figures once they have been enumerated. For benchmarks that feed a pipeline directly.
/// </summary>
public sealed class GenerationRun
{
    private readonly Simulator _simulator;
    private bool _started;

    internal GenerationRun(GeneratorSettings settings, Simulator simulator)
    {
        Settings = settings;
        _simulator = simulator;
    }

    public GeneratorSettings Settings { get; }

    /// <summary>Figures of the run; complete once <see cref="Messages"/> has been enumerated to the end.</summary>
    public GenerationStatistics Statistics
    {
        get
        {
            var c = _simulator.Counters;
            return new GenerationStatistics(
                c.Messages,
                c.HistoryMessages,
                new SortedDictionary<string, long>(c.PerType, StringComparer.Ordinal),
                c.Prestaties,
                c.Bytes,
                TimeSpan.FromSeconds(c.RenderTicks / (double)Stopwatch.Frequency),
                _simulator.ActiveClients,
                _simulator.ActiveAssignments);
        }
    }

    /// <summary>The messages in processing order (file-name order). Can be enumerated once.</summary>
    public IEnumerable<GeneratedMessage> Messages()
    {
        if (_started)
        {
            throw new InvalidOperationException("A generation run can be enumerated once; create a new run for the same messages.");
        }

        _started = true;
        return _simulator.Run();
    }
}

/// <summary>Counts of a run, and how much of its time went into writing XML.</summary>
public sealed record GenerationStatistics(
    long Messages,
    long HistoryMessages,
    IReadOnlyDictionary<string, long> MessagesPerType,
    long Prestaties,
    long Bytes,
    TimeSpan RenderingTime,
    int ActiveClients,
    int ActiveAssignments);
