using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Signals.Exceptions;
using static Berichtenverkeer.Signals.Tests.Build;

namespace Berichtenverkeer.Signals.Tests.Exceptions;

/// <summary>The signal filter as the CLI and HTTP give it, and judging one scope of rules.</summary>
public sealed class QueryTests
{
    [Theory]
    [InlineData("2026-02", "2026-02-01", "2026-02-28")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2026-01..2026-03", "2026-01-01", "2026-03-31")]
    [InlineData("2026-01-10..2026-01-20", "2026-01-10", "2026-01-20")]
    [InlineData("2026-01..", "2026-01-01", null)]
    [InlineData("..2026-01-20", null, "2026-01-20")]
    public void a_period_is_a_month_or_an_inclusive_range(string text, string? from, string? to)
    {
        var (f, t) = SignalQuery.ParsePeriod(text);
        Assert.Equal((from, to), (f?.ToString("yyyy-MM-dd"), t?.ToString("yyyy-MM-dd")));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("26-01")]
    [InlineData("2026-03..2026-01")]
    [InlineData("2026-01..2026-02..2026-03")]
    public void a_bad_period_is_refused_with_what_was_expected(string text) =>
        Assert.Contains(text, Assert.Throws<FormatException>(() => SignalQuery.ParsePeriod(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void the_text_filter_reads_every_criterion_and_severity_plus_means_at_least()
    {
        var values = new Dictionary<string, string>
        {
            ["gemeente"] = "0363", ["agb"] = "12345678", ["rule"] = "fr14", ["severity"] = "h+", ["period"] = "2026-01", ["state"] = "Confirmed", ["limit"] = "5", ["format"] = "CSV",
        };

        var (query, format) = SignalQueryText.Parse(values.GetValueOrDefault);

        Assert.Equal("csv", format);
        Assert.Equal(("0363", "12345678", "FR14", TriageState.Confirmed, 5), (query.Gemeente, query.Agb, query.RuleId, query.State, query.Limit));
        Assert.Equal([Severity.H, Severity.C], query.Severities());
        Assert.Equal([Severity.M], (query with { MinSeverity = null, Severity = Severity.M }).Severities());
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), (query.From, query.To));
    }

    [Theory]
    [InlineData("severity", "X")]
    [InlineData("state", "open")]
    [InlineData("limit", "0")]
    [InlineData("format", "xml")]
    public void a_bad_criterion_is_refused(string name, string value) =>
        Assert.Throws<FormatException>(() => SignalQueryText.Parse(n => n == name ? value : null));

    [Fact]
    public void judging_one_scope_runs_only_that_scopes_rules_and_finds_what_the_full_run_finds_for_them()
    {
        var input = Input([T(1), T(2, agb: "B2")], [Stop(2, D(2, 10), "02", agb: "B2")], [P(1, D(3, 1), D(3, 31), 40)]);
        var engine = new SignalEngine();

        var message = engine.Evaluate(input, D(1, 1), D(3, 31), SignalScope.Message);
        var period = engine.Evaluate(input, D(1, 1), D(3, 31), SignalScope.Period);
        var all = engine.Evaluate(input, D(1, 1), D(3, 31));

        Assert.All(message.Rules, r => Assert.Equal(SignalScope.Message, r.Scope));
        Assert.All(period.Rules, r => Assert.Equal(SignalScope.Period, r.Scope));
        Assert.Contains(message.Signals, s => s.RuleId == "FR14");
        Assert.Equal(all.Signals.Select(s => s.Id).Order(), message.Signals.Concat(period.Signals).Select(s => s.Id).Order());
    }
}
