namespace Berichtenverkeer.Validation;

public sealed class ValidatorOptions
{
    /// <summary>Hubs refuse messages over 25 MB (OP179); so do we, by default.</summary>
    public const long DefaultMaxMessageBytes = 25L * 1024 * 1024;

    public long MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;

    /// <summary>A broken message can produce thousands of schema errors; past this many we stop reading.</summary>
    public int MaxErrors { get; set; } = 100;
}
