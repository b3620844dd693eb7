using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Volume;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Volume;

/// <summary>The worked examples of rules.md §6 exactly as the spec computes them.</summary>
public class VolumeMathTests
{
    private static GeslotenPeriode P(DateOnly begin, DateOnly end) => new(begin, end);

    [Fact]
    public void effort_3_hours_per_week_worked_example_of_6_5()
    {
        var omvang = new Omvang(3, "04", "2");
        var (ingang, eind) = (D(2025, 7, 7), D(2025, 9, 7));

        Assert.Equal(12, VolumeMath.MaxForPeriod(omvang, ingang, eind, P(D(2025, 7, 7), D(2025, 7, 31))));
        Assert.Equal(15, VolumeMath.MaxForPeriod(omvang, ingang, eind, P(D(2025, 8, 1), D(2025, 8, 31))));
        Assert.Equal(3, VolumeMath.MaxForPeriod(omvang, ingang, eind, P(D(2025, 9, 1), D(2025, 9, 7))));
        Assert.Equal(27, VolumeMath.MaxForAssignment(omvang, ingang, eind, eind));
    }

    [Fact]
    public void output_300_euros_per_week_worked_example_of_6_5_in_cents()
    {
        var omvang = new Omvang(30_000, "83", "2");
        var (ingang, eind) = (D(2025, 7, 7), D(2025, 9, 6));

        Assert.Equal(90_000, VolumeMath.MaxForPeriod(omvang, ingang, eind, P(D(2025, 7, 7), D(2025, 7, 31))));
        Assert.Equal(180_000, VolumeMath.MaxForPeriod(omvang, ingang, eind, P(D(2025, 8, 1), D(2025, 8, 31))));
        Assert.Equal(0, VolumeMath.MaxForPeriod(omvang, ingang, eind, P(D(2025, 9, 1), D(2025, 9, 6))));

        // §6.3: 8 Sundays + 1 because the assignment ends on a Saturday = 9 weeks, the sum of the periods.
        Assert.Equal(270_000, VolumeMath.MaxForAssignment(omvang, ingang, eind, eind));
    }

    [Fact]
    public void iso_weeks_of_the_6_3_example_are_13()
    {
        // 2025-10-07 … 2025-12-30 touches weeks 41–52 of 2025 and week 1 of 2026 (IV077).
        Assert.Equal(13, VolumeMath.IsoWeeks(D(2025, 10, 7), D(2025, 12, 30)));
        Assert.Equal(13 * 5, VolumeMath.MaxForAssignment(new Omvang(5, "16", "2"), D(2025, 10, 7), D(2025, 12, 30), D(2025, 12, 30)));
    }

    [Theory]
    [InlineData(2026, 1, 5)] // Thursday 1st … Saturday 31st: weeks 1–5
    [InlineData(2026, 2, 5)] // Sunday 1st … Saturday 28th: weeks 5–9
    [InlineData(2026, 3, 6)] // Sunday 1st … Tuesday 31st: weeks 9–14
    [InlineData(2021, 2, 4)] // Monday 1st … Sunday 28th: weeks 5–8
    public void a_whole_month_gives_4_5_or_6_weeks(int year, int month, int weeks)
    {
        var first = new DateOnly(year, month, 1);
        var omvang = new Omvang(8, "04", "2");

        Assert.Equal(weeks * 8, VolumeMath.MaxForPeriod(omvang, first, first.AddMonths(2), P(first, first.AddMonths(1).AddDays(-1))));
    }

    [Fact]
    public void per_month_and_total_frequencies_allow_the_volume_once_per_period()
    {
        var (ingang, eind) = (D(2026, 1, 5), D(2026, 3, 10));

        // IV078: also for the broken first and last month.
        Assert.Equal(20, VolumeMath.MaxForPeriod(new Omvang(20, "04", "4"), ingang, eind, P(D(2026, 1, 5), D(2026, 1, 31))));
        Assert.Equal(60, VolumeMath.MaxForAssignment(new Omvang(20, "04", "4"), ingang, eind, eind));
        Assert.Equal(100, VolumeMath.MaxForPeriod(new Omvang(100, "04", "6"), ingang, eind, P(D(2026, 2, 1), D(2026, 2, 28))));
        Assert.Equal(100, VolumeMath.MaxForAssignment(new Omvang(100, "04", "6"), ingang, eind, eind));
    }

    [Fact]
    public void per_day_counts_the_days()
    {
        var omvang = new Omvang(2, "04", "1");

        Assert.Equal(2 * 27, VolumeMath.MaxForPeriod(omvang, D(2026, 1, 5), null, P(D(2026, 1, 5), D(2026, 1, 31))));
    }

    [Fact]
    public void open_ended_per_month_runs_to_the_latest_declared_period()
    {
        // [UNSURE] §6.3: evaluated up to the end of the latest ProductPeriode declared.
        Assert.Equal(3 * 20, VolumeMath.MaxForAssignment(new Omvang(20, "04", "4"), D(2026, 1, 5), null, D(2026, 3, 31)));
    }

    [Fact]
    public void output_assignment_without_a_sunday_is_one_broken_week_in_the_period_of_its_end()
    {
        // [UNSURE] §6.2: Monday 2026-01-05 … Saturday 2026-01-10.
        var omvang = new Omvang(5, "82", "2");

        Assert.Equal(5, VolumeMath.MaxForPeriod(omvang, D(2026, 1, 5), D(2026, 1, 10), P(D(2026, 1, 5), D(2026, 1, 10))));
        Assert.Equal(5, VolumeMath.MaxForAssignment(omvang, D(2026, 1, 5), D(2026, 1, 10), D(2026, 1, 10)));
    }

    [Theory]
    [InlineData(7490, 1800, 224_700)] // IV081: 30 hours at € 74,90
    [InlineData(7490, 7, 874)] // 873.83 → 874
    [InlineData(7490, 1, 125)] // the per-minute tariff itself: 124.83 → 125
    [InlineData(30, 1, 1)] // exactly half a cent rounds up
    [InlineData(29, 1, 0)]
    public void iv081_rounds_half_up_to_whole_cents(long hourly, long minutes, long cents)
    {
        Assert.Equal(cents, VolumeMath.RoundHalfUp(hourly * minutes, 60));
    }

    [Fact]
    public void minutes_compare_with_hours_exactly()
    {
        Assert.Equal(90, VolumeMath.InAssignmentScale(90, "01", "04"));
        Assert.Equal(120, VolumeMath.InAssignmentScale(2, "04", "04"));
        Assert.Equal(120, VolumeMath.Scaled(2, "04"));
        Assert.Null(VolumeMath.InAssignmentScale(2, "04", "01"));
        Assert.Null(VolumeMath.InAssignmentScale(2, "14", "16"));
        Assert.Equal(7, VolumeMath.InAssignmentScale(7, "84", "84"));
    }
}
