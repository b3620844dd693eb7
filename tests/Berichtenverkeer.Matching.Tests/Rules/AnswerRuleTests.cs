using Berichtenverkeer.Matching.Tests.Support;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Rules;

/// <summary>JW319, checked by the provider: TR355, TR359, TR360, TR365 (rules.md §4.5).</summary>
public class AnswerRuleTests
{
    private readonly Gateway _gw = new();

    [Fact]
    public void tr355_answer_to_an_unknown_reference_gets_9355()
    {
        Expect.Only(_gw.Process(Jw319.UnderInvestigation("VOT-9999")), Paths.Antwoord, "9355");
    }

    [Fact]
    public void tr355_answer_from_another_municipality_than_the_request_went_to_gets_9355()
    {
        _gw.Given(new Jw315 { Gemeente = OtherGemeente });

        Expect.Only(_gw.Process(Jw319.UnderInvestigation("VOT-0001")), Paths.Antwoord, "9355");
    }

    [Fact]
    public void tr355_answer_to_a_vot_product_passes()
    {
        _gw.Given(new Jw315());

        Expect.Clean(_gw.Process(Jw319.UnderInvestigation("VOT-0001")));
    }

    [Fact]
    public void tr355_answer_to_a_vow_passes()
    {
        _gw.Given(new Jw301(), new Jw317());

        Expect.Clean(_gw.Process(Jw319.Rejected("VOW-0001")));
    }

    [Fact]
    public void tr359_answer_after_an_assignment_honoured_the_request_gets_9359()
    {
        _gw.Given(new Jw315(), Jw301.With(new Toegewezen { Referentie = "VOT-0001" }));

        Expect.Only(_gw.Process(Jw319.Rejected("VOT-0001")), Paths.Antwoord, "9359");
    }

    [Fact]
    public void tr359_answer_before_any_assignment_passes()
    {
        _gw.Given(new Jw315(), new Jw301());

        Expect.Clean(_gw.Process(Jw319.Rejected("VOT-0001")));
    }

    [Fact]
    public void tr360_second_investigation_notice_gets_9360()
    {
        _gw.Given(new Jw315(), Jw319.UnderInvestigation("VOT-0001"));

        Expect.Only(_gw.Process(Jw319.UnderInvestigation("VOT-0001")), Paths.Antwoord, "9360");
    }

    [Fact]
    public void tr360_first_investigation_notice_passes()
    {
        _gw.Given(new Jw315());

        Expect.Clean(_gw.Process(Jw319.UnderInvestigation("VOT-0001")));
    }

    [Fact]
    public void tr365_rejection_after_a_rejection_gets_9365()
    {
        _gw.Given(new Jw315(), Jw319.Rejected("VOT-0001"));

        Expect.Only(_gw.Process(Jw319.Rejected("VOT-0001")), Paths.Antwoord, "9365");
    }

    [Fact]
    public void tr365_investigation_notice_after_a_rejection_gets_9365()
    {
        _gw.Given(new Jw315(), Jw319.Rejected("VOT-0001"));

        Expect.Only(_gw.Process(Jw319.UnderInvestigation("VOT-0001")), Paths.Antwoord, "9360", "9365");
    }

    [Fact]
    public void tr365_rejection_after_an_investigation_notice_passes()
    {
        _gw.Given(new Jw315(), Jw319.UnderInvestigation("VOT-0001"));

        Expect.Clean(_gw.Process(Jw319.Rejected("VOT-0001")));
    }
}
