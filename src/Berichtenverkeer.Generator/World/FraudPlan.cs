namespace Berichtenverkeer.Generator.World;

/// <summary>How an assignment deviates from honest declaring.</summary>
[Flags]
internal enum AssignmentFraud
{
    None = 0,

    /// <summary>FR14: the client died; the provider keeps declaring full months.</summary>
    ContinuesAfterDeath = 1,

    /// <summary>FR15: a definitive stop was sent; the provider keeps declaring full months.</summary>
    ContinuesAfterStop = 2,

    /// <summary>FR16: a temporary stop was sent and no restart; the provider keeps declaring full months.</summary>
    ContinuesDuringTemporaryStop = 4,

    /// <summary>FR17: no JW305 (and therefore no JW307) is ever sent; declarations as if care ran from the Ingangsdatum.</summary>
    NeverStarted = 8,

    /// <summary>FR24: in its first month the assignment (total volume, F6) is declared beyond what the days allow.</summary>
    ImpossibleVolume = 16,
}

/// <summary>The fraud pattern one provider commits, and what the answer key will say about it.</summary>
internal sealed class FraudPlan(string code, Provider provider)
{
    public string Code { get; } = code;

    public Provider Provider { get; } = provider;

    /// <summary>FR34: the provider the clients leave.</summary>
    public Provider? Origin { get; set; }

    public Gemeente? Gemeente { get; set; }

    /// <summary>The day the pattern starts (death, stop, migration, growth, first fraudulent case).</summary>
    public DateOnly EventDay { get; set; }

    /// <summary>Number of assignments still to mark (FR17) or cases still to create (FR32, FR34).</summary>
    public int Remaining { get; set; }

    public bool Injected { get; set; }

    public string? SkipReason { get; set; }

    public SortedSet<string> Files { get; } = new(StringComparer.Ordinal);

    public SortedSet<int> Clients { get; } = [];

    public SortedSet<long> ToewijzingNummers { get; } = [];

    public SortedSet<string> Referenties { get; } = new(StringComparer.Ordinal);

    public SortedSet<string> Gemeenten { get; } = new(StringComparer.Ordinal);

    /// <summary>Per care month (first day): net declared amount (cents) and distinct clients; FR26/FR32 evidence.</summary>
    public SortedDictionary<DateOnly, (long Amount, int Clients, long Prestaties, long AtMax)> Months { get; } = [];

    public SortedDictionary<string, string> Evidence { get; } = new(StringComparer.Ordinal);

    public string Description { get; set; } = string.Empty;

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public void Touch(DateOnly day)
    {
        From = From is { } f && f <= day ? f : day;
        To = To is { } t && t >= day ? t : day;
    }
}
