using System.Globalization;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Matching.Volume;

/// <summary>
/// The volume arithmetic of rules.md §6 (TR321, TR322; IV042, IV076–IV079). Volumes are whole numbers in the
/// assignment's unit; a prestatie in minutes against an assignment in hours is compared in minutes (exact).
/// </summary>
public static class VolumeMath
{
    /// <summary>Converts a prestatie volume to the assignment's unit scaled ×60 when hours meet minutes, else as is; null when the units do not fit (TR341).</summary>
    public static long? InAssignmentScale(long volume, string prestatieEenheid, string assignmentEenheid)
    {
        if (prestatieEenheid == assignmentEenheid)
        {
            return assignmentEenheid == Eenheid.Uur ? volume * 60 : volume;
        }

        return prestatieEenheid == Eenheid.Minuut && assignmentEenheid == Eenheid.Uur ? volume : null;
    }

    /// <summary>The assignment's maximum expressed in the same scale as <see cref="InAssignmentScale"/> (hours ×60).</summary>
    public static long Scaled(long maximum, string assignmentEenheid) => assignmentEenheid == Eenheid.Uur ? maximum * 60 : maximum;

    /// <summary>TR321: the most that may be declared for one ProductPeriode [b, e] (already inside the assignment and one month).</summary>
    public static long MaxForPeriod(Omvang omvang, DateOnly ingangsdatum, DateOnly? einddatum, GeslotenPeriode periode)
    {
        var (b, e) = (periode.Begindatum, periode.Einddatum);
        return omvang.Frequentie switch
        {
            Frequentie.PerDag => omvang.Volume * Days(b, e),
            Frequentie.PerWeek when Eenheid.IsOutputBased(omvang.Eenheid) => omvang.Volume * OutputWeeksInPeriod(ingangsdatum, einddatum, b, e),
            Frequentie.PerWeek => omvang.Volume * IsoWeeks(b, e),
            _ => omvang.Volume,
        };
    }

    /// <summary>
    /// TR322: the most that may be declared over the whole assignment. For an open-ended assignment per day or per month
    /// the total runs to <paramref name="declaredUntil"/>, the end of the latest ProductPeriode declared ([UNSURE] §6.3).
    /// </summary>
    public static long MaxForAssignment(Omvang omvang, DateOnly ingangsdatum, DateOnly? einddatum, DateOnly declaredUntil)
    {
        var end = einddatum ?? declaredUntil;
        if (end < ingangsdatum)
        {
            return 0;
        }

        return omvang.Frequentie switch
        {
            Frequentie.PerDag => omvang.Volume * Days(ingangsdatum, end),
            Frequentie.PerWeek when Eenheid.IsOutputBased(omvang.Eenheid) =>
                omvang.Volume * (Sundays(ingangsdatum, end) + (end.DayOfWeek == DayOfWeek.Sunday ? 0 : 1)),
            Frequentie.PerWeek => omvang.Volume * IsoWeeks(ingangsdatum, end),
            Frequentie.PerMaand => omvang.Volume * Months(ingangsdatum, end),
            _ => omvang.Volume,
        };
    }

    public static long Days(DateOnly from, DateOnly to) => to < from ? 0 : to.DayNumber - from.DayNumber + 1;

    /// <summary>Distinct ISO-8601 weeks (year + number, Monday–Sunday) touching [from, to] (IV077).</summary>
    public static long IsoWeeks(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return 0;
        }

        // Mondays are the first day of an ISO week: count the weeks from the Monday on or before 'from'.
        var firstMonday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        return ((to.DayNumber - firstMonday.DayNumber) / 7) + 1;
    }

    public static long Sundays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return 0;
        }

        var firstSunday = from.AddDays((7 - (int)from.DayOfWeek) % 7);
        return firstSunday > to ? 0 : ((to.DayNumber - firstSunday.DayNumber) / 7) + 1;
    }

    public static long Months(DateOnly from, DateOnly to) =>
        to < from ? 0 : ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;

    /// <summary>
    /// Output based, per week (IV076/IV077): a week's volume belongs to the period holding its Sunday; the last broken
    /// week (assignment not ending on a Sunday) goes to the period holding the assignment's last Sunday.
    /// [UNSURE] An assignment without any Sunday is one broken week, declared in the period holding its end.
    /// </summary>
    private static long OutputWeeksInPeriod(DateOnly ingangsdatum, DateOnly? einddatum, DateOnly b, DateOnly e)
    {
        var sundays = Sundays(b, e);
        if (einddatum is not { } end || end.DayOfWeek == DayOfWeek.Sunday)
        {
            return sundays;
        }

        var lastSunday = end.AddDays(-(int)end.DayOfWeek);
        if (lastSunday < ingangsdatum)
        {
            return end >= b && end <= e ? 1 : 0;
        }

        return sundays + (lastSunday >= b && lastSunday <= e ? 1 : 0);
    }

    /// <summary>Round half up to whole cents (IV081).</summary>
    public static long RoundHalfUp(long numerator, long denominator) =>
        (numerator + (denominator / 2)) / denominator;

    public static string Describe(long value) => value.ToString(CultureInfo.InvariantCulture);
}
