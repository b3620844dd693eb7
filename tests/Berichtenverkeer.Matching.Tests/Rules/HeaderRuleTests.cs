using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.Tests.Support;
using Berichtenverkeer.ReferenceData;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Rules;

/// <summary>TR056, TR135, TR378: header rules; a failure answers with the header only (README §6.1).</summary>
public class HeaderRuleTests
{
    [Fact]
    public void tr056_identificatie_used_before_by_the_same_sender_gets_9056()
    {
        var gw = new Gateway();
        gw.Given(new Jw301 { Identificatie = "ID-1" });

        var result = gw.Process(new Jw301 { Identificatie = "ID-1", Producten = [new Toegewezen { Nummer = 100002, Product = new("45", "45A05") }] });

        Expect.Header(result, "9056");
        Assert.Equal(Outcomes.Rejected, result.Outcome);
        Assert.Empty(result.Changes.Assignments);
    }

    [Fact]
    public void tr056_new_identificatie_passes()
    {
        var gw = new Gateway();
        gw.Given(new Jw301 { Identificatie = "ID-1" });

        Expect.Clean(gw.Process(new Jw301 { Identificatie = "ID-2" }));
    }

    [Fact]
    public void tr056_same_identificatie_in_another_message_type_passes()
    {
        var gw = new Gateway();
        gw.Given(new Jw301 { Identificatie = "ID-1" });

        Expect.Clean(gw.Process(new Jw315 { Identificatie = "ID-1" }));
    }

    [Fact]
    public void tr056_same_identificatie_from_another_sender_passes()
    {
        var gw = new Gateway();
        gw.Given(new Jw301 { Identificatie = "ID-1" });

        Expect.Clean(gw.Process(new Jw301 { Identificatie = "ID-1", Gemeente = OtherGemeente, Producten = [new Toegewezen { Nummer = 200001 }] }));
    }

    [Fact]
    public void tr135_dagtekening_after_the_system_date_gets_8848()
    {
        var gw = new Gateway { Today = Dagtekening.AddDays(-1) };

        var result = gw.Process(new Jw301());

        Expect.Header(result, "8848");
        Assert.Equal(Outcomes.Rejected, result.Outcome);
    }

    [Fact]
    public void tr135_dagtekening_on_the_system_date_passes()
    {
        var gw = new Gateway { Today = Dagtekening };

        Expect.Clean(gw.Process(new Jw301()));
    }

    [Fact]
    public void tr378_municipality_not_in_the_cbs_list_gets_S300()
    {
        var gw = new Gateway(Reference.Gemeenten(Reference.Rotterdam));

        Expect.Header(gw.Process(new Jw301()), "S300");
    }

    [Fact]
    public void tr378_municipality_in_the_cbs_list_passes()
    {
        var gw = new Gateway(Reference.Gemeenten(Reference.Amsterdam));

        Expect.Clean(gw.Process(new Jw301()));
        Expect.Clean(gw.Process(new Jw305()));
    }

    [Fact]
    public void tr378_merged_municipality_valid_on_the_ingangsdatum_passes()
    {
        // The code was ended by a merger on 2025-12-31; the assignment started while it was still valid (rules.md §5).
        var gw = new Gateway(Reference.Gemeenten(new GemeenteCode(Gemeente, "Amsterdam", D(1900, 1, 1), D(2025, 12, 31))));

        Expect.Clean(gw.Process(Jw301.With(new Toegewezen { Toewijzingsdatum = D(2025, 11, 20), Ingangsdatum = D(2025, 12, 1) })));
    }

    [Fact]
    public void tr378_merged_municipality_after_the_merger_gets_S300()
    {
        var gw = new Gateway(Reference.Gemeenten(new GemeenteCode(Gemeente, "Amsterdam", D(1900, 1, 1), D(2025, 12, 31))));

        Expect.Header(gw.Process(new Jw301()), "S300");
    }

    [Fact]
    public void tr378_woonplaatsbeginsel_municipality_not_in_the_cbs_list_gets_S300()
    {
        var gw = new Gateway(Reference.Gemeenten(Reference.Amsterdam, Reference.Rotterdam));
        gw.Given(new Jw315());

        var result = gw.Process(Jw319.Rejected("VOT-0001", woonplaatsbeginsel: "9999"));

        Expect.Only(result, Paths.Woonplaatsbeginsel, "S300");
        Assert.Equal(Outcomes.Rejected, result.Outcome);
        Assert.Empty(result.Changes.Answers);
    }

    [Fact]
    public void tr378_woonplaatsbeginsel_municipality_in_the_cbs_list_passes()
    {
        var gw = new Gateway(Reference.Gemeenten(Reference.Amsterdam, Reference.Rotterdam));
        gw.Given(new Jw315());

        Expect.Clean(gw.Process(Jw319.Rejected("VOT-0001", woonplaatsbeginsel: OtherGemeente)));
    }

    [Fact]
    public void tr378_without_cbs_list_passes()
    {
        var gw = new Gateway(ReferenceSet.Empty);

        Expect.Clean(gw.Process(new Jw301 { Gemeente = "9999" }));
    }
}
