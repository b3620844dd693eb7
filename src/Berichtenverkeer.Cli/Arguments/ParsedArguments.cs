using System.Globalization;

namespace Berichtenverkeer.Cli.Arguments;

/// <summary>The result of <see cref="ArgumentParser.Parse"/>, with typed reads that turn bad values into usage errors.</summary>
internal sealed class ParsedArguments(IReadOnlyList<string> positionals, IReadOnlyDictionary<string, string?> options)
{
    public IReadOnlyList<string> Positionals { get; } = positionals;

    public bool Has(string option) => options.ContainsKey(option);

    public string? Value(string option) => options.GetValueOrDefault(option);

    /// <summary>The option's value, which must be one of <paramref name="allowed"/>; the first is the default.</summary>
    public string Choice(string option, params string[] allowed)
    {
        var value = Value(option);
        if (value is null)
        {
            return allowed[0];
        }

        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new UsageException($"option '{option}' must be one of {string.Join(", ", allowed)}; got '{value}'");
    }

    public long PositiveInt64(string option, long defaultValue)
    {
        var value = Value(option);
        if (value is null)
        {
            return defaultValue;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new UsageException($"option '{option}' needs a positive whole number; got '{value}'");
    }
}
