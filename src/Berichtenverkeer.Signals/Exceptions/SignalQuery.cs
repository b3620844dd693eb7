using System.Globalization;
using Berichtenverkeer.Audit.Trail;

namespace Berichtenverkeer.Signals.Exceptions;

/// <summary>
/// A filter over stored signals; every criterion is optional. <see cref="MinSeverity"/> keeps that severity and stronger
/// (L &lt; M &lt; H &lt; C); <see cref="Severity"/> keeps exactly one. A period keeps signals whose period overlaps it.
/// </summary>
public sealed record SignalQuery
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 100_000;

    public string? Gemeente { get; init; }

    public string? Agb { get; init; }

    public string? RuleId { get; init; }

    public Severity? Severity { get; init; }

    public Severity? MinSeverity { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public TriageState? State { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>The severities the query keeps, weakest first.</summary>
    public IReadOnlyList<Severity> Severities() =>
        Enum.GetValues<Severity>().Where(s => (Severity is not { } exact || s == exact) && (MinSeverity is not { } min || s >= min)).ToList();

    /// <summary>
    /// Parses a period: "yyyy-mm" (that month), "yyyy-mm-dd..yyyy-mm-dd" or "yyyy-mm..yyyy-mm" (inclusive; months cover
    /// from their first to their last day). Either side of ".." may be empty (open).
    /// </summary>
    /// <exception cref="FormatException">With what was expected.</exception>
    public static (DateOnly? From, DateOnly? To) ParsePeriod(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length == 1)
        {
            var month = Month(parts[0], text);
            return (month, month.AddMonths(1).AddDays(-1));
        }

        if (parts.Length != 2)
        {
            throw new FormatException($"Period '{text}' is not yyyy-mm, or from..to with yyyy-mm or yyyy-mm-dd on each side.");
        }

        DateOnly? from = parts[0].Length == 0 ? null : Day(parts[0], text, end: false);
        DateOnly? to = parts[1].Length == 0 ? null : Day(parts[1], text, end: true);
        if (from > to)
        {
            throw new FormatException($"Period '{text}' ends before it begins.");
        }

        return (from, to);
    }

    /// <summary>Parses L, M, H or C (case-insensitive).</summary>
    public static Severity ParseSeverity(string text) =>
        text.Trim().ToUpperInvariant() switch
        {
            "L" => Signals.Severity.L,
            "M" => Signals.Severity.M,
            "H" => Signals.Severity.H,
            "C" => Signals.Severity.C,
            _ => throw new FormatException($"Severity '{text}' is not one of L, M, H, C."),
        };

    /// <summary>Parses new, under_review, dismissed or confirmed.</summary>
    public static TriageState ParseState(string text)
    {
        try
        {
            return TriageRules.ParseState(text.Trim().ToLowerInvariant());
        }
        catch (FormatException)
        {
            throw new FormatException($"State '{text}' is not one of new, under_review, dismissed, confirmed.");
        }
    }

    private static DateOnly Month(string part, string text) =>
        DateOnly.TryParseExact(part + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : throw new FormatException($"Period '{text}': '{part}' is not a month yyyy-mm.");

    private static DateOnly Day(string part, string text, bool end)
    {
        if (DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        var month = Month(part, text);
        return end ? month.AddMonths(1).AddDays(-1) : month;
    }
}
