using System.ComponentModel.DataAnnotations;

namespace Berichtenverkeer.Gateway.Signals;

/// <summary>Bound from the "Signals" section (Signals__PeriodInterval=01:00:00 …).</summary>
public sealed class SignalRuntimeOptions
{
    public const string Section = "Signals";

    /// <summary>Detection after each message, the period batch and the publisher; off, the gateway raises no signals.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Months back from the system date whose prestaties a message-scope judgement looks at (the bounded window): a
    /// declaration may come in up to a year after the care, so the default covers 13 months.
    /// </summary>
    [Range(1, 120)]
    public int MessageWindowMonths { get; set; } = 13;

    /// <summary>How often the period batch runs over the current and the previous declaration month; zero switches it off.</summary>
    public TimeSpan PeriodInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>History before a batch's period that the period rules compare against (FR32 looks back 12 months).</summary>
    [Range(0, 120)]
    public int PeriodHistoryMonths { get; set; } = 12;

    /// <summary>How often the publisher looks for unpublished signals when nothing woke it.</summary>
    public TimeSpan PublishPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
