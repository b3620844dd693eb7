using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Matching.Tests.Support;
using Berichtenverkeer.ReferenceData;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Semantics;

/// <summary>The matcher is pure: given a hand-filled snapshot it decides and returns the changes, without any store.</summary>
public class MatcherSnapshotTests
{
    private static readonly ReceivedMessage Received = new("m1", "hash", DateTimeOffset.UnixEpoch);

    private static readonly AssignmentRecord Assignment = new()
    {
        Gemeente = Gemeente,
        Agb = Agb,
        Bsn = Bsn,
        ToewijzingNummer = Nummer,
        Toewijzingsdatum = Toewijzingsdatum,
        Toewijzingstijd = Toewijzingstijd,
        Product = Trajectory.Product,
        Ingangsdatum = Ingangsdatum,
        Einddatum = Einddatum,
        Omvang = Trajectory.Omvang,
        MessageId = "m0",
    };

    private static MatchResult Match(IjwBuilder message, StateSnapshot snapshot) =>
        new Matcher(ReferenceSet.Empty).Match(message.Parse(), snapshot, Received, Today);

    [Fact]
    public void start_on_a_snapshot_with_its_assignment_is_accepted_and_returns_the_record_to_store()
    {
        var result = Match(new Jw305(), new StateSnapshot { Assignments = [Assignment] });

        Assert.True(result.Verdict.IsClean);
        var start = Assert.Single(result.Changes.Regie);
        Assert.Equal((RegieKind.Start, Nummer, Ingangsdatum, "m1"), (start.Kind, start.ToewijzingNummer!.Value, start.Begindatum, start.MessageId));
    }

    [Fact]
    public void snapshot_with_an_earlier_message_of_the_same_identificatie_gives_9056()
    {
        var earlier = new MessageRecord
        {
            MessageId = "m0", Type = "JW305", Afzender = Agb, Ontvanger = Gemeente, Identificatie = "ID-1", Dagtekening = Dagtekening,
            XsdVersie = "1.0.0/1.0.0", ContentHash = "h", ReceivedAt = DateTimeOffset.UnixEpoch, Outcome = Outcomes.Accepted,
        };

        var result = Match(new Jw305 { Identificatie = "ID-1" }, new StateSnapshot { Assignments = [Assignment], SameIdentificatie = earlier });

        Assert.Equal(["9056"], result.Verdict.HeaderCodes);
        Assert.Equal(Outcomes.Rejected, result.Changes.Message.Outcome);
    }

    [Fact]
    public void snapshot_with_a_later_declared_period_gives_8214()
    {
        var snapshot = new StateSnapshot { Assignments = [Assignment], LatestDeclaratiePeriode = new GeslotenPeriode(D(2026, 2, 1), D(2026, 2, 28)) };

        var result = Match(Jw323.Of(new Pr()), snapshot);

        Assert.Equal(["8214"], result.Verdict.CodesFor(Paths.Declaratie));
        Assert.Null(result.Changes.Declaration);
    }

    [Fact]
    public void prestaties_accepted_earlier_in_the_message_count_for_later_ones()
    {
        // TR322 "including those approved earlier in this message": 30 + 11 hours against a total (Frequentie 6) of 40.
        var total = Assignment with { Omvang = new Omvang(40, "04", "6") };
        var first = new Pr { Volume = 30 };
        var second = Pr.Month(2026, 2) with { Volume = 11 };

        var result = Match(Jw323.Of(first, second), new StateSnapshot { Assignments = [total] });

        Assert.Equal(["9322"], result.Verdict.CodesFor(Paths.Prestatie.Nth(2)));
        Assert.Equal([true, false], result.Changes.Prestaties.Select(p => p.Approved));
    }
}
