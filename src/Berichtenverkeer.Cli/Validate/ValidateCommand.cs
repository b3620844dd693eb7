using System.Diagnostics;
using System.Globalization;
using Berichtenverkeer.Cli.Arguments;
using Berichtenverkeer.Cli.Terminal;
using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Cli.Validate;

/// <summary><c>berichtenverkeer validate &lt;file|folder&gt;... [--format text|json] [--max-bytes N]</c>.</summary>
internal sealed class ValidateCommand : ICommand
{
    private static readonly ArgumentParser Parser = new ArgumentParser()
        .Option("--format", "text|json", "text (default): a line per file with its errors, then a summary; json: one JSON object per file (JSON Lines), summary on stderr")
        .Option("--max-bytes", "N", $"Refuse messages larger than N bytes (default {ValidatorOptions.DefaultMaxMessageBytes}, OP179)");

    public string Name => "validate";

    public string Summary => "Check iJw 3.2 messages at control levels 1 (XSD) and 2 (in-message rules)";

    public void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("Usage: berichtenverkeer validate <file|folder>... [--format text|json] [--max-bytes N]");
        writer.WriteLine();
        writer.WriteLine("Checks each message at control level 1 (XSD) and, when that passes, level 2 (the in-message rules).");
        writer.WriteLine("Folders are searched recursively for *.xml files; files named directly are checked whatever their extension.");
        writer.WriteLine();
        Parser.WriteOptions(writer);
        writer.WriteLine();
        writer.WriteLine("Exit status: 0 all messages valid, 1 any message invalid, 2 usage or I/O error.");
    }

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = Parser.Parse(args);
        var json = parsed.Choice("--format", "text", "json") == "json";
        var maxBytes = parsed.PositiveInt64("--max-bytes", ValidatorOptions.DefaultMaxMessageBytes);
        if (parsed.Positionals.Count == 0)
        {
            throw new UsageException("give at least one file or folder");
        }

        List<string> files;
        try
        {
            files = InputFiles.Expand(parsed.Positionals);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"berichtenverkeer validate: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }

        if (files.Count == 0)
        {
            context.Error.WriteLine("berichtenverkeer validate: no *.xml files found");
        }

        Action<TextWriter, FileOutcome> write = json ? JsonLinesFormat.Write : TextFormat.Write;
        var validator = new MessageValidator(new ValidatorOptions { MaxMessageBytes = maxBytes });
        var progress = ProgressLine.For(context, files.Count, "files");
        var started = Stopwatch.GetTimestamp();
        int valid = 0, invalid = 0, unreadable = 0;
        foreach (var check in ParallelValidation.Run(validator, files))
        {
            if (check.Outcome is { } outcome)
            {
                if (context.OutIsTerminal)
                {
                    progress.Clear();
                }

                write(context.Out, outcome);
                if (outcome.Valid)
                {
                    valid++;
                }
                else
                {
                    invalid++;
                }
            }
            else
            {
                progress.Clear();
                context.Error.WriteLine($"berichtenverkeer validate: cannot read '{check.File}': {check.ReadError}");
                unreadable++;
            }

            progress.Report(valid + invalid + unreadable);
        }

        progress.Clear();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var unreadableNote = unreadable > 0 ? string.Create(CultureInfo.InvariantCulture, $", {unreadable} unreadable") : string.Empty;
        (json ? context.Error : context.Out).WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{files.Count} {(files.Count == 1 ? "file" : "files")}: {valid} valid, {invalid} invalid{unreadableNote} ({seconds:F1} s)"));

        return unreadable > 0 ? ExitCodes.UsageOrIo
            : invalid > 0 ? ExitCodes.Failed
            : ExitCodes.Ok;
    }
}
