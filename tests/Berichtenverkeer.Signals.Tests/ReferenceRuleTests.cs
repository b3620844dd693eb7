using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;
using static Berichtenverkeer.Signals.Tests.Build;

namespace Berichtenverkeer.Signals.Tests;

/// <summary>The rules that read reference data beyond contracts and budgets: FR22 (PGB register) and FR31 (bundle table).</summary>
public class ReferenceRuleTests
{
    private static SignalInput WithReference(SignalInput input, IEnumerable<Pgb>? pgbs = null, IEnumerable<BundleComponent>? bundles = null) =>
        input with { Reference = new ReferenceSet([], [], [], [], pgbs, bundles) };

    private static Pgb Pgb(DateOnly from, DateOnly? to = null, string? code = "45A48", int client = 1, string categorie = "45") =>
        new(G, Bsn(client), categorie, code, from, to);

    [Fact]
    public void FR22_assignment_overlapping_a_pgb_for_the_same_code_is_high_and_carries_no_bsn()
    {
        var p = P(1, D(3, 1), D(3, 31), 40);
        var input = WithReference(Input([T(1)], [], [p, P(1, D(1, 1), D(1, 31), 40)]), pgbs: [Pgb(D(3, 1))]);

        var s = Assert.Single(Run(input, "FR22"));

        Assert.Equal(Severity.H, s.Severity);
        Assert.Equal(ControlStage.Material, s.Stage);
        Assert.Equal("A1", s.Agb);
        Assert.Equal((D(3, 1), D(12, 31)), (s.PeriodFrom, s.PeriodTo));
        Assert.Equal(306, s.Values["overlapDagen"]);
        Assert.Equal(1, s.Values["prestaties"]);
        Assert.Equal(["p-A1-202503", "t-1-"], s.MessageIds);
        Assert.Equal(Pseudonymizer.Pseudonym(Bsn(1)), s.Client);
        Assert.DoesNotContain(Bsn(1), SignalJson.Serialize(s), StringComparison.Ordinal);
        Assert.Contains("2025-03-01..open", s.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void FR22_assignment_ended_the_day_before_the_pgb_starts_is_fine()
    {
        // OP043: the municipality corrected the assignment to end the day before the PGB; the earlier open version no longer counts.
        var open = T(1, toewijzingsdatum: D(1, 1));
        var ended = T(1, eind: D(2, 28), toewijzingsdatum: D(2, 20));
        var input = WithReference(Input([open, ended], [], [P(1, D(2, 1), D(2, 28), 40)]), pgbs: [Pgb(D(3, 1))]);

        Assert.Empty(Run(input, "FR22"));
    }

    [Fact]
    public void FR22_pgb_for_another_code_or_another_client_is_fine()
    {
        var input = WithReference(Input([T(1)], [], [P(1, D(3, 1), D(3, 31), 40)]), pgbs: [Pgb(D(3, 1), code: "45A10"), Pgb(D(3, 1), client: 2)]);

        Assert.Empty(Run(input, "FR22"));
    }

    [Fact]
    public void FR22_pgb_without_a_code_covers_the_whole_category()
    {
        var input = WithReference(Input([T(1, eind: D(6, 30))], [], []), pgbs: [Pgb(D(6, 1), D(8, 31), code: null)]);

        var s = Assert.Single(Run(input, "FR22"));

        Assert.Equal(30, s.Values["overlapDagen"]);
        Assert.Equal((D(6, 1), D(6, 30)), (s.PeriodFrom, s.PeriodTo));
    }

    [Fact]
    public void FR22_paid_prestatie_overlapping_a_pgb_is_signalled_without_its_assignment()
    {
        var input = WithReference(Input([], [], [P(7, D(4, 1), D(4, 30), 20), P(7, D(5, 1), D(5, 31), 20)]), pgbs: [Pgb(D(4, 16), D(5, 10))]);

        var s = Assert.Single(Run(input, "FR22"));

        Assert.Equal(25, s.Values["overlapDagen"]);
        Assert.Equal(2, s.Values["prestaties"]);
        Assert.Equal((D(4, 1), D(5, 31)), (s.PeriodFrom, s.PeriodTo));
    }

    [Fact]
    public void FR22_cannot_run_without_a_pgb_register_extract()
    {
        var batch = new SignalEngine().Evaluate(Input([T(1)], [], [P(1, D(3, 1), D(3, 31), 40)]), D(1, 1), D(12, 31));

        Assert.Contains(batch.Skipped, s => s.RuleId == "FR22" && s.Reason.Contains("PGB register", StringComparison.Ordinal));
        Assert.DoesNotContain(batch.Signals, s => s.RuleId == "FR22");
    }

    private static PrestatieRecord[] Unbundled() => [P(1, D(1, 1), D(1, 31), 5, code: "45A10"), P(1, D(1, 1), D(1, 31), 5, code: "45A11")];

    private static BundleComponent[] Table(string? gemeente = null, string? agb = null) =>
        [new(gemeente, agb, "45", "45A20", "45A10"), new(gemeente, agb, "45", "45A20", "45A11")];

    [Fact]
    public void FR31_bundle_table_from_reference_data_runs_without_options()
    {
        var batch = new SignalEngine().Evaluate(WithReference(Input([], [], Unbundled()), bundles: Table(G, "A1")), D(1, 1), D(12, 31));

        var s = Assert.Single(batch.Signals, s => s.RuleId == "FR31");
        Assert.Equal(2, s.RuleVersion);
        Assert.DoesNotContain(batch.Skipped, k => k.RuleId == "FR31");
    }

    [Fact]
    public void FR31_reference_bundle_of_another_gemeente_or_agb_does_not_apply()
    {
        Assert.Empty(Run(WithReference(Input([], [], Unbundled()), bundles: Table(gemeente: "0599")), "FR31"));
        Assert.Empty(Run(WithReference(Input([], [], Unbundled()), bundles: Table(agb: "B2")), "FR31"));
    }

    [Fact]
    public void FR31_options_add_codes_to_a_reference_bundle()
    {
        var reference = WithReference(Input([], [], Unbundled()), bundles: [new(null, null, "45", "45A20", "45A10")]);
        var options = new SignalOptions { Fr31 = new Fr31Options { Bundles = [new Bundle("45", "45A20", ["45A11"])] } };

        Assert.Empty(Run(reference, "FR31"));
        Assert.Single(Run(reference, "FR31", options: options));
    }
}
