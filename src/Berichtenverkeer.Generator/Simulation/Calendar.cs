using Berichtenverkeer.Generator.World;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Generator.Simulation;

internal static class Calendar
{
    public static DateOnly FirstOfMonth(DateOnly d) => new(d.Year, d.Month, 1);

    public static DateOnly LastOfMonth(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));

    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public static int Days(DateOnly from, DateOnly to) => to < from ? 0 : to.DayNumber - from.DayNumber + 1;

    public static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    public static DateOnly NextWorkingDay(DateOnly d)
    {
        while (IsWeekend(d))
        {
            d = d.AddDays(1);
        }

        return d;
    }

    /// <summary><paramref name="days"/> working days after <paramref name="d"/> (Monday–Friday; holidays are ignored).</summary>
    public static DateOnly AddWorkingDays(DateOnly d, int days)
    {
        for (var i = 0; i < days; i++)
        {
            d = d.AddDays(1);
            while (IsWeekend(d))
            {
                d = d.AddDays(1);
            }
        }

        return d;
    }

    /// <summary>Distinct ISO-8601 weeks touching [from, to] (IV077).</summary>
    public static long IsoWeeks(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return 0;
        }

        var firstMonday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        return ((to.DayNumber - firstMonday.DayNumber) / 7) + 1;
    }

    public static long MonthsTouched(DateOnly from, DateOnly to) =>
        to < from ? 0 : ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;

    /// <summary>Months from <paramref name="origin"/> (a first of month) to the month of <paramref name="d"/>.</summary>
    public static int MonthIndex(DateOnly origin, DateOnly d) => ((d.Year - origin.Year) * 12) + d.Month - origin.Month;
}

/// <summary>
/// The maxima of rules.md §6 the generator keeps every declaration within (TR321 per ProductPeriode, TR322 over the
/// assignment). Hours are handled ×60 so minutes and hours compare exactly.
/// </summary>
internal static class VolumeRules
{
    /// <summary>×60 for an assignment in hours (declarations may be in minutes), else 1.</summary>
    public static long Scale(Assignment a) => a.Product.Eenheid == Eenheid.Uur ? 60 : 1;

    /// <summary>Scaled volume of a declared quantity.</summary>
    public static long Scaled(Assignment a, long volume, string eenheid) =>
        a.Product.Eenheid == Eenheid.Uur && eenheid == Eenheid.Uur ? volume * 60 : volume;

    /// <summary>TR321: the maximum for ProductPeriode [b, e] in assignment units.</summary>
    public static long PeriodMax(Assignment a, DateOnly b, DateOnly e) => a.Product.Frequentie switch
    {
        Frequentie.PerDag => a.Volume * Calendar.Days(b, e),
        Frequentie.PerWeek => a.Volume * Calendar.IsoWeeks(b, e),
        _ => a.Volume,
    };

    /// <summary>TR322: the maximum over [Ingangsdatum, <paramref name="until"/>] — the total as far as declared, which a
    /// later Einddatum can only raise, so a declaration within it stays valid whatever happens to the assignment next.</summary>
    public static long TotalMaxUntil(Assignment a, DateOnly until) => a.Product.Frequentie switch
    {
        Frequentie.PerDag => a.Volume * Calendar.Days(a.Ingangsdatum, until),
        Frequentie.PerWeek => a.Volume * Calendar.IsoWeeks(a.Ingangsdatum, until),
        Frequentie.PerMaand => a.Volume * Calendar.MonthsTouched(a.Ingangsdatum, until),
        _ => a.Volume,
    };

    /// <summary>Physical cap of fraud-signals.md FR24 for a period of <paramref name="days"/> days, in declared units.</summary>
    public static long PhysicalCap(string eenheid, int days) => eenheid switch
    {
        Eenheid.Uur => 24L * days,
        Eenheid.Minuut => 1440L * days,
        Eenheid.Etmaal => days,
        Eenheid.Dagdeel => 6L * days,
        _ => long.MaxValue,
    };

    public static long RoundHalfUp(long numerator, long denominator) => (numerator + (denominator / 2)) / denominator;
}
