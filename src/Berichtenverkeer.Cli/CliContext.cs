namespace Berichtenverkeer.Cli;

/// <summary>
/// Where a command writes and whether a person watches. Tests pass string writers and no terminal,
/// so nothing that depends on a terminal (progress) shows up in their output.
/// </summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, bool OutIsTerminal = false, bool ErrorIsTerminal = false);
