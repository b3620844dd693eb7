namespace Berichtenverkeer.Cli.Tests;

public sealed class ProgramTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void help_prints_the_usage_with_every_command_and_exits_0(string help)
    {
        var run = CliRun.Of(help);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Usage: berichtenverkeer <command>", run.Out, StringComparison.Ordinal);
        Assert.Contains("  validate", run.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [Theory]
    [InlineData("validate", "--help")]
    [InlineData("validate", "-h")]
    [InlineData("help", "validate")]
    [InlineData("validate", "some.xml", "--help")]
    public void command_help_lists_its_options_and_exit_codes(params string[] args)
    {
        var run = CliRun.Of(args);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Usage: berichtenverkeer validate <file|folder>...", run.Out, StringComparison.Ordinal);
        Assert.Contains("--format text|json", run.Out, StringComparison.Ordinal);
        Assert.Contains("--max-bytes N", run.Out, StringComparison.Ordinal);
        Assert.Contains("Exit status: 0", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void unknown_command_exits_2_with_the_usage_on_stderr()
    {
        var run = CliRun.Of("validat", "x.xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("unknown command 'validat'", run.Error, StringComparison.Ordinal);
        Assert.Contains("Usage: berichtenverkeer <command>", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void help_for_an_unknown_command_exits_2()
    {
        var run = CliRun.Of("help", "nothing");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown command 'nothing'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void no_arguments_exits_2_with_the_usage_on_stderr()
    {
        var run = CliRun.Of();

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.StartsWith("Usage: berichtenverkeer", run.Error, StringComparison.Ordinal);
    }
}
