namespace Berichtenverkeer.Reconciliation;

/// <summary>Calendar-month helpers; a month is represented by its first day.</summary>
public static class Months
{
    public static DateOnly First(DateOnly date) => new(date.Year, date.Month, 1);

    public static DateOnly LastDay(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));

    /// <summary>The first days of every month touched by [from, to], ascending.</summary>
    public static IEnumerable<DateOnly> Between(DateOnly from, DateOnly to)
    {
        for (var m = First(from); m <= to; m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    /// <summary>The part of <paramref name="month"/> inside [begin, end] (end null = open), or null when they do not meet.</summary>
    public static (DateOnly Begin, DateOnly End)? Intersect(DateOnly month, DateOnly begin, DateOnly? end)
    {
        var b = month > begin ? month : begin;
        var last = LastDay(month);
        var e = end is { } x && x < last ? x : last;
        return b <= e ? (b, e) : null;
    }
}
