namespace Berichtenverkeer.Signals.Exceptions;

/// <summary>
/// The textual signal filter the CLI (--gemeente, --agb, --rule, --severity, --period, --state, --limit, --format) and the
/// HTTP query (?gemeente=&amp;agb=&amp;rule=&amp;severity=&amp;period=&amp;state=&amp;limit=&amp;format=) share. Severity "H" keeps exactly H;
/// "H+" keeps H and stronger. Period: see <see cref="SignalQuery.ParsePeriod"/>. Format: json (default) or csv.
/// </summary>
public static class SignalQueryText
{
    /// <exception cref="FormatException">A value that does not parse, with what was expected.</exception>
    public static (SignalQuery Query, string Format) Parse(Func<string, string?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string? Get(string name) => value(name) is { } v && v.Trim().Length > 0 ? v.Trim() : null;

        var query = new SignalQuery { Gemeente = Get("gemeente"), Agb = Get("agb"), RuleId = Get("rule")?.ToUpperInvariant() };
        if (Get("severity") is { } severity)
        {
            query = severity.EndsWith('+')
                ? query with { MinSeverity = SignalQuery.ParseSeverity(severity[..^1]) }
                : query with { Severity = SignalQuery.ParseSeverity(severity) };
        }

        if (Get("period") is { } period)
        {
            var (from, to) = SignalQuery.ParsePeriod(period);
            query = query with { From = from, To = to };
        }

        if (Get("state") is { } state)
        {
            query = query with { State = SignalQuery.ParseState(state) };
        }

        if (Get("limit") is { } limit)
        {
            query = query with
            {
                Limit = int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 0 and <= SignalQuery.MaxLimit
                    ? n
                    : throw new FormatException($"Limit '{limit}' is not a number from 1 to {SignalQuery.MaxLimit}."),
            };
        }

        var format = (Get("format") ?? "json").ToLowerInvariant();
        return format is "json" or "csv" ? (query, format) : throw new FormatException($"Format '{format}' is not json or csv.");
    }
}
