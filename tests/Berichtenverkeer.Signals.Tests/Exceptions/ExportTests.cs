using System.Text;
using System.Text.Json;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Signals.Exceptions;
using static Berichtenverkeer.Signals.Tests.Build;

namespace Berichtenverkeer.Signals.Tests.Exceptions;

/// <summary>The pure exports of stored signals: CSV for spreadsheets, the JSON list, and the IKZ melding.</summary>
public sealed class ExportTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 9, 15, 30, TimeSpan.FromHours(1));

    [Fact]
    public void csv_has_a_bom_semicolons_iso_dates_dot_decimals_and_no_live_formulas()
    {
        var signal = Sample() with
        {
            Description = "=HYPERLINK(\"http://x\"); paid 1.5 times",
            Values = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["bedrag"] = 1234.5, ["ratio"] = 0.1, ["big"] = 1e7 },
        };

        var bytes = SignalCsv.ToBytes([new StoredSignal(signal, At, null, TriageState.New)]);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "id;rule;rule_version;severity;stage;state;gemeente;agb;related_agbs;client_pseudonym;period_from;period_to;first_seen;published_at;description;values;message_ids;content_hashes",
            lines[0]);
        var row = lines[1];
        Assert.Contains(";2026-01-16;2026-01-31;2026-03-10T08:15:30.000Z;;", row, StringComparison.Ordinal);
        Assert.Contains(";\"'=HYPERLINK(\"\"http://x\"\"); paid 1.5 times\";", row, StringComparison.Ordinal);
        Assert.Contains(";bedrag=1234.5 big=10000000 ratio=0.1;", row, StringComparison.Ordinal);
        Assert.Contains(";FR14;1;C;FraudInvestigation;new;0363;12345678;;", row, StringComparison.Ordinal);
    }

    [Fact]
    public void the_json_list_carries_each_signal_with_its_state_and_times()
    {
        var json = SignalListJson.Serialize([new StoredSignal(Sample(), At, At.AddMinutes(1), TriageState.UnderReview)]);

        using var doc = JsonDocument.Parse(json);
        var s = Assert.Single(doc.RootElement.EnumerateArray().ToList());
        Assert.Equal(("FR14", "under_review", "2026-03-10T08:15:30.000Z", "2026-03-10T08:16:30.000Z"), (
            s.GetProperty("ruleId").GetString(), s.GetProperty("state").GetString(), s.GetProperty("firstSeen").GetString(), s.GetProperty("publishedAt").GetString()));
    }

    [Theory]
    [InlineData(TriageState.New)]
    [InlineData(TriageState.UnderReview)]
    [InlineData(TriageState.Dismissed)]
    public void the_ikz_melding_is_refused_for_a_signal_that_is_not_confirmed(TriageState state)
    {
        var e = Assert.Throws<SignalNotConfirmedException>(() => IkzReport.Build(new StoredSignal(Sample(), At, null, state), Trail(Sample().Id)));
        Assert.Contains(TriageRules.StateText(state), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void the_ikz_melding_of_a_confirmed_signal_has_what_a_report_needs_and_no_bsn()
    {
        var input = Input([T(1), T(2, agb: "B2")], [Stop(2, D(2, 10), RedenBeeindiging.Overlijden, agb: "B2")], [P(1, D(3, 1), D(3, 31), 40)]);
        var signal = Assert.Single(Run(input, "FR14"));
        var trail = Trail(signal.Id);

        var text = IkzReport.Serialize(IkzReport.Build(new StoredSignal(signal, At, At, TriageState.Confirmed), trail));

        Assert.DoesNotContain(Bsn(1), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Bsn(2), text, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(text);
        var r = doc.RootElement;
        Assert.Equal((signal.Gemeente, "A1", "Jeugdwet"), (r.GetProperty("reporter").GetProperty("gemeente").GetString(), r.GetProperty("subject").GetProperty("agb").GetString(), r.GetProperty("scheme").GetString()));
        Assert.Equal(["B2"], r.GetProperty("subject").GetProperty("relatedAgbs").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(("FR14", signal.Description), (r.GetProperty("signal").GetProperty("rule").GetString(), r.GetProperty("signal").GetProperty("description").GetString()));
        Assert.Equal(signal.Values["prestaties"], r.GetProperty("values").GetProperty("prestaties").GetDouble());
        Assert.Equal(signal.MessageIds, r.GetProperty("evidence").GetProperty("messageIds").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(signal.Client, r.GetProperty("client").GetProperty("pseudonym").GetString());
        Assert.Equal(IkzReport.BsnStatement, r.GetProperty("client").GetProperty("bsn").GetString());
        Assert.Equal(["register", "start_review", "confirm"], r.GetProperty("triage").EnumerateArray().Select(t => t.GetProperty("action").GetString()));
        Assert.Equal(("bert", "looked at the BRP"), (r.GetProperty("triage")[2].GetProperty("who").GetString(), r.GetProperty("triage")[2].GetProperty("reason").GetString()));
        Assert.Equal((trail[^1].Sequence, trail[^1].EntryHash), (r.GetProperty("anchor").GetProperty("trailSequence").GetInt64(), r.GetProperty("anchor").GetProperty("entryHash").GetString()));
    }

    /// <summary>A real chain: registration, review, confirmation of the signal.</summary>
    private static List<AuditTrailEntry> Trail(string signalId)
    {
        var s = new TriageSignal(signalId, G, "A1", "FR14");
        var transitions = new[]
        {
            TriageRules.Transition(s, null, TriageAction.Register, "berichtenverkeer-signals", At, null),
            TriageRules.Transition(s, TriageState.New, TriageAction.StartReview, "anna", At.AddHours(1), null),
            TriageRules.Transition(s, TriageState.UnderReview, TriageAction.Confirm, "bert", At.AddHours(2), "looked at the BRP"),
        };
        return AuditChain.Link(null, transitions.Select(t => t.ToDraft()).ToList()).ToList();
    }

    internal static Signal Sample() => new()
    {
        Id = Signal.MakeId("FR14", 1, ["0363", "12345678", "p", "prestatie", "2026-01-15"]),
        RuleId = "FR14",
        RuleVersion = 1,
        Severity = Severity.C,
        Stage = ControlStage.FraudInvestigation,
        Gemeente = "0363",
        Agb = "12345678",
        Client = "p",
        MessageIds = ["m-1"],
        Description = "Paid after death.",
        PeriodFrom = new DateOnly(2026, 1, 16),
        PeriodTo = new DateOnly(2026, 1, 31),
    };
}
