namespace Berichtenverkeer.Cli.Arguments;

/// <summary>
/// The few argument forms the commands need: positionals, <c>--name value</c>, <c>--name=value</c>, flags, and
/// <c>--</c> to end the options. Hand-rolled on purpose: System.CommandLine is not among the central packages,
/// and this is all the tool uses. <c>-h</c>/<c>--help</c> is handled by the dispatcher before parsing.
/// </summary>
internal sealed class ArgumentParser
{
    private readonly List<OptionSpec> _options = [];

    /// <summary>An option that takes a value, e.g. <c>--format json</c>.</summary>
    public ArgumentParser Option(string name, string valueName, string help)
    {
        _options.Add(new OptionSpec(name, valueName, help));
        return this;
    }

    /// <summary>An option without a value, e.g. <c>--quiet</c>.</summary>
    public ArgumentParser Flag(string name, string help)
    {
        _options.Add(new OptionSpec(name, null, help));
        return this;
    }

    public ParsedArguments Parse(IReadOnlyList<string> args)
    {
        var positionals = new List<string>();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }

            // "-" alone is a positional by convention (standard input), as is anything not starting with '-'.
            if (arg.Length < 2 || arg[0] != '-')
            {
                positionals.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            var spec = _options.Find(o => o.Name == name) ?? throw new UsageException($"unknown option '{name}'");
            string? value = null;
            if (spec.ValueName is null)
            {
                if (equals >= 0)
                {
                    throw new UsageException($"option '{name}' takes no value");
                }
            }
            else if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"option '{name}' needs a value: {name} {spec.ValueName}");
            }

            if (!values.TryAdd(name, value))
            {
                throw new UsageException($"option '{name}' is given more than once");
            }
        }

        return new ParsedArguments(positionals, values);
    }

    public void WriteOptions(TextWriter writer)
    {
        var rows = _options.Select(o => (Left: o.ValueName is null ? o.Name : $"{o.Name} {o.ValueName}", o.Help))
            .Append((Left: "-h, --help", Help: "Show this text"))
            .ToList();
        var width = rows.Max(r => r.Left.Length) + 2;
        writer.WriteLine("Options:");
        foreach (var (left, help) in rows)
        {
            writer.WriteLine($"  {left.PadRight(width)}{help}");
        }
    }

    private sealed record OptionSpec(string Name, string? ValueName, string Help);
}
