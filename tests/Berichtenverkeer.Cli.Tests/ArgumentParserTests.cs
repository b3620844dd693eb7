using Berichtenverkeer.Cli.Arguments;

namespace Berichtenverkeer.Cli.Tests;

public sealed class ArgumentParserTests
{
    private static readonly ArgumentParser Parser = new ArgumentParser()
        .Option("--format", "text|json", "output format")
        .Flag("--quiet", "say less");

    [Fact]
    public void value_after_the_option_and_after_an_equals_sign_are_the_same()
    {
        Assert.Equal("json", Parser.Parse(["--format", "json"]).Value("--format"));
        Assert.Equal("json", Parser.Parse(["--format=json"]).Value("--format"));
        Assert.Equal(string.Empty, Parser.Parse(["--format="]).Value("--format"));
    }

    [Fact]
    public void positionals_keep_their_order_around_options()
    {
        var parsed = Parser.Parse(["a.xml", "--quiet", "b", "--format", "text", "-"]);

        Assert.Equal(["a.xml", "b", "-"], parsed.Positionals);
        Assert.True(parsed.Has("--quiet"));
        Assert.False(parsed.Has("--other"));
    }

    [Fact]
    public void double_dash_ends_the_options()
    {
        var parsed = Parser.Parse(["--", "--format", "-x.xml"]);

        Assert.Equal(["--format", "-x.xml"], parsed.Positionals);
        Assert.False(parsed.Has("--format"));
    }

    [Theory]
    [InlineData("unknown option '--nope'", "--nope")]
    [InlineData("option '--quiet' takes no value", "--quiet=yes")]
    [InlineData("option '--format' needs a value", "--format")]
    [InlineData("option '--format' is given more than once", "--format", "json", "--format=text")]
    public void wrong_arguments_are_usage_errors(string message, params string[] args)
    {
        var ex = Assert.Throws<UsageException>(() => Parser.Parse(args));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void choice_defaults_to_the_first_and_refuses_others()
    {
        Assert.Equal("text", Parser.Parse([]).Choice("--format", "text", "json"));
        Assert.Equal("json", Parser.Parse(["--format", "json"]).Choice("--format", "text", "json"));
        Assert.Throws<UsageException>(() => Parser.Parse(["--format", "JSON"]).Choice("--format", "text", "json"));
    }
}
