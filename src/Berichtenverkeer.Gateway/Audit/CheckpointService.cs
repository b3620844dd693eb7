using Berichtenverkeer.Audit.Trail;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Audit;

/// <summary>
/// Writes a checkpoint of the trail's head (sequence, hash, count, time — the format <c>berichtenverkeer audit verify
/// --checkpoints</c> reads) at start, every <see cref="AuditTrailHostOptions.CheckpointInterval"/> and at stop, to
/// <see cref="AuditTrailHostOptions.CheckpointFolder"/>. A bare chain cannot show that its end was cut off or that it
/// was rebuilt whole; checkpoints kept outside the gateway can (AT3).
/// </summary>
public sealed partial class CheckpointService(
    IAuditTrailStore store,
    IOptions<AuditTrailHostOptions> options,
    TimeProvider time,
    ILogger<CheckpointService> logger) : BackgroundService
{
    private readonly Lazy<CheckpointWriter> _writer = new(() => new CheckpointWriter(
        store,
        FileCheckpointSink.ForFolderOrFile(options.Value.ResolvedCheckpointFolder + Path.DirectorySeparatorChar),
        new CheckpointOptions { Interval = options.Value.CheckpointInterval },
        time));

    /// <summary>The file checkpoints are appended to.</summary>
    public string CheckpointPath => Path.Combine(options.Value.ResolvedCheckpointFolder, FileCheckpointSink.DefaultFileName);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        LogWritingTo(logger, CheckpointPath, options.Value.CheckpointInterval);
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // The trail feeder stops before this service and drains on its way out: this records the final head.
            await _writer.Value.WriteOnceAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckpointFailed(logger, ex);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _writer.Value.RunAsync(ex => LogCheckpointFailed(logger, ex), stoppingToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit trail checkpoints go to {Path} every {Interval}; keep that file where the gateway's operators cannot rewrite it")]
    private static partial void LogWritingTo(ILogger logger, string path, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing an audit trail checkpoint failed; the next one follows at the next interval")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
