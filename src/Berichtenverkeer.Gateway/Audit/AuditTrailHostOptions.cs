using System.ComponentModel.DataAnnotations;

namespace Berichtenverkeer.Gateway.Audit;

/// <summary>
/// How the gateway keeps its tamper-evident audit trail (section "AuditTrail"; AuditTrail__CheckpointFolder=… in the
/// environment): the feeder that appends the outbox's audit events to the hash chain, the periodic checkpoints, and
/// retention. Each has its own off-switch.
/// </summary>
public sealed class AuditTrailHostOptions
{
    public const string Section = "AuditTrail";

    /// <summary>The folder used when <see cref="CheckpointFolder"/> is not set, relative to the working directory.</summary>
    public const string DefaultCheckpointFolder = "audit-checkpoints";

    /// <summary>Append the outbox's audit events to the trail. Off only when another process of the same database feeds it.</summary>
    public bool FeedEnabled { get; set; } = true;

    /// <summary>How often the feeder looks for work when nothing woke it (it is woken after every processed message).</summary>
    public TimeSpan FeedInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Audit events appended per transaction.</summary>
    [Range(1, 10_000)]
    public int FeedBatchSize { get; set; } = 500;

    /// <summary>Write a checkpoint of the trail's head every <see cref="CheckpointInterval"/> and when the gateway stops.</summary>
    public bool CheckpointsEnabled { get; set; } = true;

    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Where checkpoints are appended (audit-checkpoints.jsonl inside it). They prove something only where the gateway's
    /// operators cannot rewrite them: mount the auditor's share or WORM/object-lock storage here.
    /// </summary>
    public string? CheckpointFolder { get; set; }

    /// <summary>
    /// Delete trail entries older than this many years, leaving a retention anchor (AT6: at least 5). Not set: nothing is
    /// ever deleted.
    /// </summary>
    [Range(global::Berichtenverkeer.Audit.Trail.AuditTrailOptions.MinimumRetentionYears, 100)]
    public int? RetentionYears { get; set; }

    /// <summary>How often retention runs when <see cref="RetentionYears"/> is set.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromDays(1);

    public string ResolvedCheckpointFolder => Path.GetFullPath(string.IsNullOrWhiteSpace(CheckpointFolder) ? DefaultCheckpointFolder : CheckpointFolder);

    /// <summary>The intervals the data annotations cannot check.</summary>
    public static bool HasPositiveIntervals(AuditTrailHostOptions options) =>
        options.FeedInterval > TimeSpan.Zero && options.CheckpointInterval > TimeSpan.Zero && options.RetentionInterval > TimeSpan.Zero;
}
