namespace Berichtenverkeer.Cli.Validate;

/// <summary>For people: a line per file, then its errors indented (<c>line:col path [RULE] message</c>).</summary>
internal static class TextFormat
{
    public static void Write(TextWriter writer, FileOutcome outcome)
    {
        var type = outcome.Message ?? "unknown";
        if (outcome.Valid)
        {
            writer.WriteLine($"OK   {outcome.File}  {type}");
            return;
        }

        var retour = outcome.Retourcode is null ? string.Empty : $" ({outcome.Retourcode})";
        writer.WriteLine($"FAIL {outcome.File}  {type} level {outcome.Level}{retour}");
        foreach (var error in outcome.Errors)
        {
            var rule = error.Rule is null ? string.Empty : $" [{error.Rule}]";
            writer.WriteLine($"  {error.Line}:{error.Column} {error.Path}{rule} {error.Message}");
        }
    }
}
