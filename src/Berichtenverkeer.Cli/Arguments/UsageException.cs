namespace Berichtenverkeer.Cli.Arguments;

/// <summary>The arguments are wrong; the dispatcher prints the message and a pointer to --help, and exits with 2.</summary>
public sealed class UsageException(string message) : Exception(message);
