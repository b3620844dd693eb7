using System.Globalization;

namespace Berichtenverkeer.Reconciliation;

/// <summary>
/// What to reconcile: whole calendar months <see cref="From"/> … <see cref="To"/>, optionally narrowed to some
/// municipalities (CBS codes) and providers (AGB codes). A null or empty filter means "all".
/// </summary>
public sealed record ReconciliationQuery
{
    /// <summary>Municipalities to include; null or empty: all.</summary>
    public IReadOnlyCollection<string>? Gemeenten { get; init; }

    /// <summary>Providers to include; null or empty: all.</summary>
    public IReadOnlyCollection<string>? Agbs { get; init; }

    /// <summary>First day of the first month.</summary>
    public required DateOnly From { get; init; }

    /// <summary>Last day of the last month.</summary>
    public required DateOnly To { get; init; }

    /// <summary>One calendar month.</summary>
    public static ReconciliationQuery ForMonth(int year, int month, IReadOnlyCollection<string>? gemeenten = null, IReadOnlyCollection<string>? agbs = null)
    {
        var from = new DateOnly(year, month, 1);
        return new ReconciliationQuery { From = from, To = Months.LastDay(from), Gemeenten = gemeenten, Agbs = agbs };
    }

    /// <summary>One calendar year.</summary>
    public static ReconciliationQuery ForYear(int year, IReadOnlyCollection<string>? gemeenten = null, IReadOnlyCollection<string>? agbs = null) =>
        new() { From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31), Gemeenten = gemeenten, Agbs = agbs };

    /// <summary>Throws when the period is not a whole number of calendar months.</summary>
    public void Validate()
    {
        if (From.Day != 1)
        {
            throw new ArgumentException(Invariant($"From must be the first day of a month, got {From:yyyy-MM-dd}."), nameof(From));
        }

        if (To != Months.LastDay(To))
        {
            throw new ArgumentException(Invariant($"To must be the last day of a month, got {To:yyyy-MM-dd}."), nameof(To));
        }

        if (To < From)
        {
            throw new ArgumentException(Invariant($"To ({To:yyyy-MM-dd}) lies before From ({From:yyyy-MM-dd})."), nameof(To));
        }
    }

    /// <summary>True when the municipality and provider pass the filters.</summary>
    public bool Includes(string gemeente, string agb) =>
        (Gemeenten is null || Gemeenten.Count == 0 || Gemeenten.Contains(gemeente))
        && (Agbs is null || Agbs.Count == 0 || Agbs.Contains(agb));

    /// <summary>True when the inclusive period [begin, end] (end null = open) overlaps the query period.</summary>
    public bool Touches(DateOnly begin, DateOnly? end) => begin <= To && (end is null || end >= From);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
