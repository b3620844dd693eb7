namespace Berichtenverkeer.Cli;

/// <summary>One verb of the tool (validate, later replay, generate, audit …), registered in <see cref="Program"/>.</summary>
internal interface ICommand
{
    string Name { get; }

    /// <summary>One line for the command list in the tool's usage.</summary>
    string Summary { get; }

    void WriteHelp(TextWriter writer);

    /// <summary>Runs with the arguments after the command name; throws <see cref="Arguments.UsageException"/> on bad arguments.</summary>
    int Run(IReadOnlyList<string> args, CliContext context);
}
