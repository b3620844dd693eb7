using System.Globalization;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Volume;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Berichtenverkeer.Matching.Tests.Volume;

/// <summary>An inclusive date range, possibly empty (To before From).</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public IEnumerable<DateOnly> Days()
    {
        for (var d = From; d <= To; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    public override string ToString() => $"[{From:yyyy-MM-dd} … {To:yyyy-MM-dd}]";
}

/// <summary>An assignment period [I, E] with an Omvang, and a ProductPeriode [b, e] inside one month of it with a sub-period.</summary>
public sealed record AssignmentCase(Omvang Omvang, DateOnly Ingang, DateOnly Eind, GeslotenPeriode Inner, GeslotenPeriode Outer)
{
    public override string ToString() =>
        $"{Omvang.Volume}/{Omvang.Eenheid}/{Omvang.Frequentie} [{Ingang:yyyy-MM-dd} … {Eind:yyyy-MM-dd}] inner {Inner.Begindatum:yyyy-MM-dd}…{Inner.Einddatum:yyyy-MM-dd} outer {Outer.Begindatum:yyyy-MM-dd}…{Outer.Einddatum:yyyy-MM-dd}";
}

public static class VolumeArbitraries
{
    private static readonly DateOnly Base = new(2021, 1, 1);

    private static readonly Gen<Omvang> Omvangen =
        from volume in Gen.Choose(0, 1000)
        from eenheid in Gen.Elements("01", "04", "14", "16", "82", "83", "84")
        from frequentie in Gen.Elements("1", "2", "4", "6")
        select new Omvang(volume, eenheid, frequentie);

    public static Arbitrary<DateRange> DateRanges() =>
        (from start in Gen.Choose(0, 3650)
         from length in Gen.Choose(-10, 800)
         select new DateRange(Base.AddDays(start), Base.AddDays(start + length))).ToArbitrary();

    public static Arbitrary<AssignmentCase> AssignmentCases() =>
        (from start in Gen.Choose(0, 3650)
         from length in Gen.Choose(0, 500)
         from omvang in Omvangen
         from monthIndex in Gen.Choose(0, 1000)
         from cuts in Gen.Four(Gen.Choose(0, 30))
         select Build(omvang, Base.AddDays(start), Base.AddDays(start + length), monthIndex, cuts)).ToArbitrary();

    private static AssignmentCase Build(Omvang omvang, DateOnly ingang, DateOnly eind, int monthIndex, (int, int, int, int) cuts)
    {
        var months = VolumePropertyTests.ProductPeriodes(ingang, eind).ToList();
        var month = months[monthIndex % months.Count];
        var span = month.Einddatum.DayNumber - month.Begindatum.DayNumber;

        // Outer ⊆ month, inner ⊆ outer: four cut points sorted within the month.
        int[] points = [cuts.Item1 % (span + 1), cuts.Item2 % (span + 1), cuts.Item3 % (span + 1), cuts.Item4 % (span + 1)];
        Array.Sort(points);
        var outer = new GeslotenPeriode(month.Begindatum.AddDays(points[0]), month.Begindatum.AddDays(points[3]));
        var inner = new GeslotenPeriode(month.Begindatum.AddDays(points[1]), month.Begindatum.AddDays(points[2]));
        return new AssignmentCase(omvang, ingang, eind, inner, outer);
    }
}

/// <summary>Properties of the volume arithmetic (rules.md §6) over random ranges and assignments.</summary>
[Properties(Arbitrary = [typeof(VolumeArbitraries)], MaxTest = 300)]
public class VolumePropertyTests
{
    /// <summary>The ProductPeriodes of IV089: one per calendar month, clipped to the assignment.</summary>
    public static IEnumerable<GeslotenPeriode> ProductPeriodes(DateOnly ingang, DateOnly eind)
    {
        for (var first = new DateOnly(ingang.Year, ingang.Month, 1); first <= eind; first = first.AddMonths(1))
        {
            var last = first.AddMonths(1).AddDays(-1);
            yield return new GeslotenPeriode(first < ingang ? ingang : first, last > eind ? eind : last);
        }
    }

    [Property]
    public bool Days_counts_every_day(DateRange r) => VolumeMath.Days(r.From, r.To) == r.Days().Count();

    [Property]
    public bool IsoWeeks_counts_distinct_iso_year_and_week(DateRange r) =>
        VolumeMath.IsoWeeks(r.From, r.To) == r.Days()
            .Select(d => d.ToDateTime(TimeOnly.MinValue))
            .Select(d => (ISOWeek.GetYear(d), ISOWeek.GetWeekOfYear(d)))
            .Distinct()
            .Count();

    [Property]
    public bool Sundays_counts_the_sundays(DateRange r) =>
        VolumeMath.Sundays(r.From, r.To) == r.Days().Count(d => d.DayOfWeek == DayOfWeek.Sunday);

    [Property]
    public bool Months_counts_distinct_calendar_months(DateRange r) =>
        VolumeMath.Months(r.From, r.To) == r.Days().Select(d => (d.Year, d.Month)).Distinct().Count();

    [Property]
    public Property Sum_of_monthly_maxima_covers_the_total_for_weekly_effort(AssignmentCase c)
    {
        // The TR322 note of §6.3: weeks at month borders count in both months, so the months together allow at least
        // the total and TR322 is the guard that caps it.
        var omvang = c.Omvang with { Frequentie = "2", Eenheid = Ijw.Catalog.Eenheid.IsOutputBased(c.Omvang.Eenheid) ? "04" : c.Omvang.Eenheid };
        var sum = ProductPeriodes(c.Ingang, c.Eind).Sum(p => VolumeMath.MaxForPeriod(omvang, c.Ingang, c.Eind, p));
        var total = VolumeMath.MaxForAssignment(omvang, c.Ingang, c.Eind, c.Eind);
        return (sum >= total).Label($"sum {sum} < total {total}");
    }

    [Property]
    public Property Sum_of_monthly_maxima_covers_the_total_for_every_omvang(AssignmentCase c)
    {
        var sum = ProductPeriodes(c.Ingang, c.Eind).Sum(p => VolumeMath.MaxForPeriod(c.Omvang, c.Ingang, c.Eind, p));
        var total = VolumeMath.MaxForAssignment(c.Omvang, c.Ingang, c.Eind, c.Eind);
        return (sum >= total).Label($"sum {sum} < total {total}");
    }

    [Property]
    public Property Per_day_per_month_and_weekly_output_split_exactly_over_the_months(AssignmentCase c)
    {
        // Only weekly effort overlaps at month borders (and a total, F 6, is allowed once per period).
        var exact = c.Omvang.Frequentie is "1" or "4" || (c.Omvang.Frequentie == "2" && Ijw.Catalog.Eenheid.IsOutputBased(c.Omvang.Eenheid));
        var sum = ProductPeriodes(c.Ingang, c.Eind).Sum(p => VolumeMath.MaxForPeriod(c.Omvang, c.Ingang, c.Eind, p));
        var total = VolumeMath.MaxForAssignment(c.Omvang, c.Ingang, c.Eind, c.Eind);
        return (sum == total).When(exact).Label($"sum {sum} ≠ total {total}");
    }

    [Property]
    public Property MaxForPeriod_is_monotone_in_the_period(AssignmentCase c)
    {
        var inner = VolumeMath.MaxForPeriod(c.Omvang, c.Ingang, c.Eind, c.Inner);
        var outer = VolumeMath.MaxForPeriod(c.Omvang, c.Ingang, c.Eind, c.Outer);
        return (inner <= outer).Label($"inner {inner} > outer {outer}");
    }

    [Property]
    public bool MaxForAssignment_is_monotone_in_the_end(AssignmentCase c, byte extra) =>
        VolumeMath.MaxForAssignment(c.Omvang, c.Ingang, c.Eind, c.Eind)
        <= VolumeMath.MaxForAssignment(c.Omvang, c.Ingang, c.Eind.AddDays(extra), c.Eind.AddDays(extra));

    [Property]
    public bool Hours_and_minutes_scale_consistently(NonNegativeInt hours, NonNegativeInt minutes, NonNegativeInt maximum)
    {
        var (h, m, max) = ((long)hours.Get, (long)minutes.Get, (long)maximum.Get);

        // h hours and 60·h minutes are the same volume against an hourly assignment ...
        var sameVolume = VolumeMath.InAssignmentScale(h, "04", "04") == VolumeMath.InAssignmentScale(h * 60, "01", "04");

        // ... and the scaled comparison is the exact rational one: m minutes ≤ max hours ⟺ m / 60 ≤ max.
        var exact = (VolumeMath.InAssignmentScale(m, "01", "04") <= VolumeMath.Scaled(max, "04")) == ((decimal)m / 60 <= max);
        var hoursExact = (VolumeMath.InAssignmentScale(h, "04", "04") <= VolumeMath.Scaled(max, "04")) == (h <= max);
        return sameVolume && exact && hoursExact;
    }

    [Property]
    public bool Other_units_are_compared_unscaled_or_not_at_all(NonNegativeInt volume)
    {
        string[] units = ["01", "04", "14", "16", "82", "83", "84"];
        var v = (long)volume.Get;
        return units.All(declared => units.All(assigned =>
            VolumeMath.InAssignmentScale(v, declared, assigned) switch
            {
                null => declared != assigned && !(declared == "01" && assigned == "04"),
                { } scaled when assigned == "04" => scaled == (declared == "04" ? v * 60 : v),
                { } scaled => declared == assigned && scaled == v && VolumeMath.Scaled(v, assigned) == v,
            }));
    }
}
