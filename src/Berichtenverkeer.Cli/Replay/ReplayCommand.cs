using System.Globalization;
using Berichtenverkeer.Cli.Arguments;
using Berichtenverkeer.Gateway.Replay;

namespace Berichtenverkeer.Cli.Replay;

/// <summary><c>berichtenverkeer replay &lt;folder&gt; [--reference &lt;folder&gt;] [--today yyyy-mm-dd] --out &lt;folder&gt;</c>.</summary>
internal sealed class ReplayCommand : ICommand
{
    private static readonly ArgumentParser Parser = new ArgumentParser()
        .Option("--reference", "folder", "CSV reference data: contracten, beschikkingen, budgetten, gemeenten, productcodes (see README)")
        .Option("--today", "yyyy-mm-dd", "The system date level-4 rules use (TR135); default: today")
        .Option("--out", "folder", "Where answers/, routed/<recipient>/, errors/, audit.jsonl and summary.json are written (required)");

    public string Name => "replay";

    public string Summary => "Run a folder of messages through the gateway on the embedded default, in file-name order";

    public void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("Usage: berichtenverkeer replay <folder> [--reference <folder>] [--today yyyy-mm-dd] --out <folder>");
        writer.WriteLine();
        writer.WriteLine("Runs every *.xml message in <folder>, in file-name order, through the same pipeline as the service");
        writer.WriteLine("(MassTransit in-memory transport, SQLite state), trusting each message's Afzender as its sender.");
        writer.WriteLine();
        Parser.WriteOptions(writer);
        writer.WriteLine();
        writer.WriteLine("Exit status: 0 done (whatever the messages' verdicts), 2 usage or I/O error.");
    }

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = Parser.Parse(args);
        if (parsed.Positionals.Count != 1)
        {
            throw new UsageException("give exactly one folder of messages");
        }

        var output = parsed.Value("--out") ?? throw new UsageException("--out <folder> is required");
        var today = Today(parsed.Value("--today"));
        var folder = parsed.Positionals[0];
        if (!Directory.Exists(folder))
        {
            context.Error.WriteLine($"berichtenverkeer replay: folder not found: {folder}");
            return ExitCodes.UsageOrIo;
        }

        return Execute(new ReplayOptions(folder, parsed.Value("--reference"), today, output), context);
    }

    internal static int Execute(ReplayOptions options, CliContext context)
    {
        try
        {
            var summary = ReplayRunner.RunAsync(options).GetAwaiter().GetResult();
            SummaryTable.Write(context.Out, summary, options.OutFolder);
            return ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            context.Error.WriteLine($"berichtenverkeer: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }
    }

    internal static DateOnly Today(string? value)
    {
        if (value is null)
        {
            return DateOnly.FromDateTime(DateTime.Now);
        }

        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"--today must be a date yyyy-mm-dd, not '{value}'");
    }
}
