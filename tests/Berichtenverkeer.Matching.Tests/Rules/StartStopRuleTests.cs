using Berichtenverkeer.Matching.Tests.Support;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Rules;

/// <summary>JW305/JW307, checked by the municipality: TR019, TR063, TR071, TR074, TR326, TR382, TR413–TR415 (rules.md §4.3).</summary>
public class StartStopRuleTests
{
    private static readonly Start First = new();

    private readonly Gateway _gw = new();

    public StartStopRuleTests() => _gw.Given(new Jw301());

    [Fact]
    public void tr019_start_on_an_unknown_assignment_gets_9019()
    {
        Expect.Only(_gw.Process(Jw305.With(First with { Nummer = 999999 })), Paths.Start, "9019");
    }

    [Fact]
    public void tr019_start_on_another_clients_assignment_gets_9019()
    {
        _gw.Given(new Jw301 { Bsn = OtherBsn, Producten = [new Toegewezen { Nummer = 100002 }] });

        Expect.Only(_gw.Process(Jw305.With(First with { Nummer = 100002 })), Paths.Start, "9019");
    }

    [Fact]
    public void tr019_stop_on_an_unknown_assignment_gets_9019()
    {
        // Without a start with that number TR382 speaks too.
        Expect.Only(_gw.Process(Jw307.With(new Stop { Nummer = 999999 })), Paths.Stop, "9019", "9069");
    }

    [Fact]
    public void tr019_start_without_number_while_the_client_has_an_assignment_for_the_product_gets_9019()
    {
        Expect.Only(_gw.Process(Jw305.With(First with { Nummer = null, ToewijzingIngangsdatum = null })), Paths.Start, "9019");
    }

    [Fact]
    public void tr019_start_on_a_deleted_assignment_gets_9019()
    {
        // A deleted assignment counts as never sent (rules.md §0), so a start cannot be linked to it.
        _gw.Given(Jw301.With(new Toegewezen().Deleted(D(2026, 1, 3))));

        Expect.Only(_gw.Process(new Jw305()), Paths.Start, "9019");
    }

    [Fact]
    public void tr019_start_linked_to_the_assignment_passes()
    {
        Expect.Clean(_gw.Process(new Jw305()));
    }

    [Fact]
    public void tr019_task_based_start_without_number_passes()
    {
        // Task based (IV096): no client-level assignment, no ToewijzingNummer.
        var gw = new Gateway();

        Expect.Clean(gw.Process(Jw305.With(First with { Nummer = null, ToewijzingIngangsdatum = null })));
    }

    [Fact]
    public void tr063_delete_of_a_start_never_received_gets_9063()
    {
        // The worked example of README §6.1 (IV028): JW306 with StartProduct 9063.
        var result = _gw.Process(Jw305.With(First.Delete()));

        Expect.Only(result, Paths.Start, "9063");
        Assert.Equal("rejected", result.Outcome);
    }

    [Fact]
    public void tr063_delete_of_a_stop_never_received_gets_9063()
    {
        _gw.Given(new Jw305());

        Expect.Only(_gw.Process(Jw307.With(new Stop().Delete())), Paths.Stop, "9063");
    }

    [Fact]
    public void tr063_delete_of_an_already_deleted_start_gets_9063()
    {
        _gw.Given(new Jw305(), Jw305.With(First.Delete()));

        Expect.Only(_gw.Process(Jw305.With(First.Delete())), Paths.Start, "9063");
    }

    [Fact]
    public void tr063_delete_of_an_earlier_start_passes()
    {
        _gw.Given(new Jw305());

        Expect.Clean(_gw.Process(Jw305.With(First.Delete())));
    }

    [Fact]
    public void tr071_delete_of_a_start_that_has_a_stop_gets_9071()
    {
        _gw.Given(new Jw305(), new Jw307());

        Expect.Only(_gw.Process(Jw305.With(First.Delete())), Paths.Start, "9071");
    }

    [Fact]
    public void tr071_delete_of_a_start_whose_stop_was_deleted_passes()
    {
        _gw.Given(new Jw305(), new Jw307(), Jw307.With(new Stop().Delete()));

        Expect.Clean(_gw.Process(Jw305.With(First.Delete())));
    }

    [Fact]
    public void tr074_start_key_already_received_gets_9074()
    {
        // The first start is stopped, so TR326 has nothing to say: only the key is the problem.
        _gw.Given(new Jw305(), new Jw307());

        Expect.Only(_gw.Process(new Jw305()), Paths.Start, "9074");
    }

    [Fact]
    public void tr074_stop_key_already_received_gets_9074()
    {
        _gw.Given(new Jw305(), Jw307.With(First.Stopped(Stop.Temporary, D(2026, 2, 10))));

        // Same key (reason 20, same Einddatum): TR413 also objects to a second temporary stop.
        Expect.Only(_gw.Process(Jw307.With(First.Stopped(Stop.Temporary, D(2026, 2, 10)))), Paths.Stop, "9074", "9413");
    }

    [Fact]
    public void tr074_key_of_a_deleted_start_passes()
    {
        _gw.Given(new Jw305(), Jw305.With(First.Delete()));

        Expect.Clean(_gw.Process(new Jw305()));
    }

    [Fact]
    public void tr326_second_start_while_one_is_current_gets_9326()
    {
        _gw.Given(new Jw305());

        Expect.Only(_gw.Process(Jw305.With(First with { Begindatum = D(2026, 2, 2) })), Paths.Start, "9326");
    }

    [Fact]
    public void tr326_restart_after_a_stop_passes()
    {
        _gw.Given(new Jw305(), new Jw307());

        Expect.Clean(_gw.Process(Jw305.With(First with { Begindatum = D(2026, 3, 1) })));
    }

    [Fact]
    public void tr382_stop_without_a_start_with_that_key_gets_9069()
    {
        _gw.Given(new Jw305());

        Expect.Only(_gw.Process(Jw307.With(new Stop { Begindatum = D(2026, 1, 6) })), Paths.Stop, "9069");
    }

    [Fact]
    public void tr382_stop_of_a_deleted_start_gets_9069()
    {
        _gw.Given(new Jw305(), Jw305.With(First.Delete()));

        Expect.Only(_gw.Process(new Jw307()), Paths.Stop, "9069");
    }

    [Fact]
    public void tr382_stop_copying_the_start_key_passes()
    {
        _gw.Given(new Jw305());

        Expect.Clean(_gw.Process(new Jw307()));
    }

    [Fact]
    public void tr413_temporary_stop_after_a_temporary_stop_gets_9413()
    {
        _gw.Given(new Jw305(), Jw307.With(First.Stopped(Stop.Temporary, D(2026, 2, 10))));

        Expect.Only(_gw.Process(Jw307.With(First.Stopped(Stop.Temporary, D(2026, 2, 20)))), Paths.Stop, "9413");
    }

    [Fact]
    public void tr413_definitive_stop_after_a_temporary_stop_passes()
    {
        _gw.Given(new Jw305(), Jw307.With(First.Stopped(Stop.Temporary, D(2026, 2, 10))));

        Expect.Clean(_gw.Process(Jw307.With(First.Stopped(Stop.Definitive, D(2026, 2, 20)))));
    }

    [Fact]
    public void tr414_einddatum_before_that_of_the_earlier_stop_gets_9414()
    {
        _gw.Given(new Jw305(), Jw307.With(First.Stopped(Stop.Temporary, D(2026, 2, 20))));

        Expect.Only(_gw.Process(Jw307.With(First.Stopped(Stop.Definitive, D(2026, 2, 10)))), Paths.Stop, "9414");
    }

    [Fact]
    public void tr414_einddatum_equal_to_that_of_the_earlier_stop_passes()
    {
        _gw.Given(new Jw305(), Jw307.With(First.Stopped(Stop.Temporary, D(2026, 2, 20))));

        Expect.Clean(_gw.Process(Jw307.With(First.Stopped(Stop.Definitive, D(2026, 2, 20)))));
    }

    [Fact]
    public void tr415_stop_after_a_definitive_stop_gets_9415()
    {
        _gw.Given(new Jw305(), Jw307.With(First.Stopped(Stop.Definitive, D(2026, 2, 20))));

        Expect.Only(_gw.Process(Jw307.With(First.Stopped("33", D(2026, 2, 27)))), Paths.Stop, "9415");
    }

    [Fact]
    public void tr415_stop_after_a_deleted_definitive_stop_passes()
    {
        var definitive = First.Stopped(Stop.Definitive, D(2026, 2, 20));
        _gw.Given(new Jw305(), Jw307.With(definitive), Jw307.With(definitive.Delete()));

        Expect.Clean(_gw.Process(Jw307.With(First.Stopped("33", D(2026, 2, 27)))));
    }
}
