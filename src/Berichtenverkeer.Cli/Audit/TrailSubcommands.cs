using System.Globalization;
using System.Text;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Cli.Arguments;

namespace Berichtenverkeer.Cli.Audit;

/// <summary><c>audit verify &lt;trail.jsonl&gt; [--checkpoints &lt;file&gt;]</c>: offline, no database needed.</summary>
internal sealed class VerifySubcommand : IAuditSubcommand
{
    public string Name => "verify";

    public string Usage => "verify <trail.jsonl> [--checkpoints <file>]";

    public string Summary => "Recompute every hash of an exported trail and name the first broken link";

    public ArgumentParser Parser { get; } = new ArgumentParser()
        .Option("--checkpoints", "file", "Checkpoints kept outside the gateway (JSON Lines): also detect truncation and replacement");

    public int Run(ParsedArguments parsed, CliContext context)
    {
        if (parsed.Positionals.Count != 1)
        {
            throw new UsageException("give exactly one exported trail file (JSON Lines)");
        }

        var path = parsed.Positionals[0];
        if (!File.Exists(path))
        {
            context.Error.WriteLine($"berichtenverkeer audit verify: file not found: {path}");
            return ExitCodes.UsageOrIo;
        }

        IReadOnlyList<AuditCheckpoint>? checkpoints = null;
        if (parsed.Value("--checkpoints") is { } checkpointPath)
        {
            if (!File.Exists(checkpointPath))
            {
                context.Error.WriteLine($"berichtenverkeer audit verify: checkpoint file not found: {checkpointPath}");
                return ExitCodes.UsageOrIo;
            }

            try
            {
                using var checkpointReader = new StreamReader(checkpointPath, Encoding.UTF8);
                checkpoints = TrailJsonLines.ReadCheckpoints(checkpointReader);
            }
            catch (FormatException e)
            {
                context.Error.WriteLine($"berichtenverkeer audit verify: {checkpointPath}: {e.Message}");
                return ExitCodes.UsageOrIo;
            }
        }

        TrailVerification result;
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
            result = AuditVerifier.Verify(reader, checkpoints);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            context.Error.WriteLine($"berichtenverkeer audit verify: cannot read {path}: {e.Message}");
            return ExitCodes.UsageOrIo;
        }

        var checks = checkpoints is null
            ? "no checkpoints given: truncation and wholesale replacement are not checked"
            : $"{N(result.CheckpointsMatched)} of {N(checkpoints.Count)} checkpoints matched"
                + (result.CheckpointsSkipped > 0 ? $", {N(result.CheckpointsSkipped)} predate retention" : string.Empty);
        if (result.FirstBreak is { } broken)
        {
            context.Out.WriteLine($"BROKEN: {broken}");
            context.Out.WriteLine($"{N(result.Entries)} lines read; {checks}.");
            return ExitCodes.Failed;
        }

        if (result.Entries == 0)
        {
            context.Out.WriteLine($"intact: the trail is empty; {checks}.");
            return ExitCodes.Ok;
        }

        var start = result.AnchorSequence is { } anchor ? $" (continues from the retention anchor at {N(anchor)})" : string.Empty;
        context.Out.WriteLine(
            $"intact: {N(result.Entries)} entries, sequences {N(result.FirstSequence!.Value)}–{N(result.LastSequence!.Value)}{start}; head hash {result.HeadHash}; {checks}.");
        return ExitCodes.Ok;
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary><c>audit export --db … | --postgres … --out trail.jsonl</c>.</summary>
internal sealed class ExportSubcommand : IAuditSubcommand
{
    public string Name => "export";

    public string Usage => "export --db <sqlite file> | --postgres <connection> --out <trail.jsonl>";

    public string Summary => "Write the whole trail as JSON Lines, in sequence order, for offline verification ('-' = standard output)";

    public ArgumentParser Parser { get; } = AuditStore.AddOptions(new ArgumentParser())
        .Option("--out", "file", "Where the JSON Lines go (required; '-' for standard output)");

    public int Run(ParsedArguments parsed, CliContext context)
    {
        var output = parsed.Value("--out") ?? throw new UsageException("--out <file> is required");
        using var store = AuditStore.Open(parsed, Name, context);
        if (store is null)
        {
            return ExitCodes.UsageOrIo;
        }

        try
        {
            long count;
            if (output == "-")
            {
                count = AuditTrail.Export(store, context.Out).GetAwaiter().GetResult();
                context.Out.Flush();
                context.Error.WriteLine($"exported {count.ToString(CultureInfo.InvariantCulture)} entries");
                return ExitCodes.Ok;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(output));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            using (var writer = new StreamWriter(output, append: false, new UTF8Encoding(false)))
            {
                count = AuditTrail.Export(store, writer).GetAwaiter().GetResult();
            }

            var head = store.TrailHeadAsync().GetAwaiter().GetResult();
            context.Out.WriteLine(
                $"exported {count.ToString(CultureInfo.InvariantCulture)} entries to {output}"
                + (head is null ? string.Empty : $" (head {head.Sequence.ToString(CultureInfo.InvariantCulture)}, hash {head.EntryHash})"));
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            context.Error.WriteLine($"berichtenverkeer audit export: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
    }
}

/// <summary><c>audit checkpoint --db … | --postgres … --out &lt;folder or file&gt;</c>.</summary>
internal sealed class CheckpointSubcommand : IAuditSubcommand
{
    public string Name => "checkpoint";

    public string Usage => "checkpoint --db <sqlite file> | --postgres <connection> --out <folder or file>";

    public string Summary =>
        $"Append the trail's head (sequence, hash, count, time) to a checkpoint file ({FileCheckpointSink.DefaultFileName} in a folder); keep it outside the gateway";

    public ArgumentParser Parser { get; } = AuditStore.AddOptions(new ArgumentParser())
        .Option("--out", "folder|file", "The checkpoint file to append to, or a folder for " + FileCheckpointSink.DefaultFileName + " (required)");

    public int Run(ParsedArguments parsed, CliContext context)
    {
        var output = parsed.Value("--out") ?? throw new UsageException("--out <folder or file> is required");
        using var store = AuditStore.Open(parsed, Name, context);
        if (store is null)
        {
            return ExitCodes.UsageOrIo;
        }

        try
        {
            var sink = FileCheckpointSink.ForFolderOrFile(output);
            var checkpoint = new CheckpointWriter(store, sink).WriteOnceAsync().GetAwaiter().GetResult();
            if (checkpoint is null)
            {
                context.Out.WriteLine("the trail is empty: no checkpoint written.");
                return ExitCodes.Ok;
            }

            context.Out.WriteLine(TrailJsonLines.Line(checkpoint));
            context.Out.WriteLine($"appended to {sink.Path}: copy it to the auditor or to WORM storage; a checkpoint the gateway's operators can rewrite proves nothing.");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            context.Error.WriteLine($"berichtenverkeer audit checkpoint: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
    }
}
