namespace Berichtenverkeer.Cli;

/// <summary>The same for every command, so scripts can rely on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran, but found something wrong with its input (e.g. an invalid message).</summary>
    public const int Failed = 1;

    /// <summary>The command could not do its work: bad arguments, a path that does not exist, a file it cannot read.</summary>
    public const int UsageOrIo = 2;
}
