using System.Text;
using Berichtenverkeer.Cli.Arguments;
using Berichtenverkeer.Cli.Audit;
using Berichtenverkeer.Cli.Errors;
using Berichtenverkeer.Cli.Generate;
using Berichtenverkeer.Cli.Reconcile;
using Berichtenverkeer.Cli.Reference;
using Berichtenverkeer.Cli.Replay;
using Berichtenverkeer.Cli.Run;
using Berichtenverkeer.Cli.Signals;
using Berichtenverkeer.Cli.Validate;

namespace Berichtenverkeer.Cli;

/// <summary>Picks the command by the first argument; everything else lives in the command's own folder.</summary>
public static class Program
{
    private static readonly ICommand[] Commands =
    [
        new RunCommand(), new ValidateCommand(), new ReplayCommand(), new GenerateCommand(),
        new ReferenceCommand(), new ReconcileCommand(), new AuditCommand(), new ErrorsCommand(), new SignalsCommand(),
    ];

    public static int Main(string[] args)
    {
        // Buffered when redirected: a run over thousands of files would otherwise pay one write call per line.
        using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = !Console.IsOutputRedirected };
        return Run(args, new CliContext(stdout, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected));
    }

    /// <summary>In-process entry for tests: no terminal, so no progress line.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, new CliContext(stdout, stderr));

    public static int Run(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Count == 0)
        {
            WriteUsage(context.Error);
            return ExitCodes.UsageOrIo;
        }

        if (args[0] is "help" or "-h" or "--help")
        {
            return Help(args.Count > 1 ? args[1] : null, context);
        }

        var command = Find(args[0]);
        if (command is null)
        {
            context.Error.WriteLine($"berichtenverkeer: unknown command '{args[0]}'");
            WriteUsage(context.Error);
            return ExitCodes.UsageOrIo;
        }

        var rest = args.Skip(1).ToList();
        if (rest.TakeWhile(a => a != "--").Any(a => a is "-h" or "--help"))
        {
            command.WriteHelp(context.Out);
            return ExitCodes.Ok;
        }

        try
        {
            return command.Run(rest, context);
        }
        catch (UsageException ex)
        {
            context.Error.WriteLine($"berichtenverkeer {command.Name}: {ex.Message}");
            context.Error.WriteLine($"Run 'berichtenverkeer {command.Name} --help' for usage.");
            return ExitCodes.UsageOrIo;
        }
    }

    private static int Help(string? commandName, CliContext context)
    {
        if (commandName is null)
        {
            WriteUsage(context.Out);
            return ExitCodes.Ok;
        }

        if (Find(commandName) is { } command)
        {
            command.WriteHelp(context.Out);
            return ExitCodes.Ok;
        }

        context.Error.WriteLine($"berichtenverkeer: unknown command '{commandName}'");
        WriteUsage(context.Error);
        return ExitCodes.UsageOrIo;
    }

    private static ICommand? Find(string name) => Commands.FirstOrDefault(c => c.Name == name);

    private static void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("Usage: berichtenverkeer <command> [arguments] [options]");
        writer.WriteLine();
        writer.WriteLine("Commands:");
        var width = Commands.Select(c => c.Name.Length).Append("help".Length).Max() + 2;
        foreach (var command in Commands)
        {
            writer.WriteLine($"  {command.Name.PadRight(width)}{command.Summary}");
        }

        writer.WriteLine($"  {"help".PadRight(width)}Show this text, or a command's options: help <command>");
        writer.WriteLine();
        writer.WriteLine("Run 'berichtenverkeer <command> --help' for a command's arguments and options.");
    }
}
