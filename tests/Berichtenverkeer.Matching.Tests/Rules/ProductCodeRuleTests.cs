using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Tests.Support;
using Berichtenverkeer.ReferenceData;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Rules;

/// <summary>TR381 (S329, level 4) on every product class: the code must belong to the category in the product code list.</summary>
public class ProductCodeRuleTests
{
    /// <summary>54001 exists, but in category 54.</summary>
    private static readonly Product Misfiled = new("45", "54001");

    [Fact]
    public void tr381_toegewezen_product_code_outside_its_category_gets_S329()
    {
        var gw = new Gateway(Reference.Products());

        Expect.Only(gw.Process(Jw301.With(new Toegewezen { Product = Misfiled })), Paths.Toegewezen, "S329");
    }

    [Fact]
    public void tr381_toegewezen_product_code_in_its_category_passes()
    {
        var gw = new Gateway(Reference.Products());

        Expect.Clean(gw.Process(new Jw301()));
    }

    [Fact]
    public void tr381_aspecific_toegewezen_product_without_code_passes()
    {
        var gw = new Gateway(Reference.Products());

        Expect.Clean(gw.Process(Jw301.With(Toegewezen.Aspecific(Nummer))));
    }

    [Fact]
    public void tr381_aangevraagd_product_code_outside_its_category_gets_S329()
    {
        var gw = new Gateway(Reference.Products());

        Expect.Only(gw.Process(Jw315.With(new Aangevraagd { Product = Misfiled })), Paths.Aangevraagd, "S329");
    }

    [Fact]
    public void tr381_aangevraagd_product_code_in_its_category_passes()
    {
        var gw = new Gateway(Reference.Products());

        Expect.Clean(gw.Process(new Jw315()));
    }

    [Fact]
    public void tr381_nieuw_product_code_outside_its_category_gets_S329()
    {
        var gw = new Gateway(Reference.Products());
        gw.Given(new Jw301());

        var result = gw.Process(new Jw317 { Ongewijzigd = [Nummer], TeWijzigen = [], Nieuw = [new Nieuw { Product = Misfiled }] });

        Expect.Only(result, Paths.Nieuw, "S329");
    }

    [Fact]
    public void tr381_nieuw_product_code_in_its_category_passes()
    {
        var gw = new Gateway(Reference.Products());
        gw.Given(new Jw301());

        Expect.Clean(gw.Process(new Jw317 { Ongewijzigd = [Nummer], TeWijzigen = [], Nieuw = [new Nieuw()] }));
    }

    [Fact]
    public void tr381_start_product_code_outside_its_category_gets_S329()
    {
        // The assignment arrived before the product code list was imported.
        var gw = new Gateway(ReferenceSet.Empty);
        gw.Given(Jw301.With(new Toegewezen { Product = Misfiled }));
        gw.Reference = Reference.Products();

        Expect.Only(gw.Process(Jw305.With(new Start { Product = Misfiled })), Paths.Start, "S329");
    }

    [Fact]
    public void tr381_start_product_code_in_its_category_passes()
    {
        var gw = new Gateway(Reference.Products());
        gw.Given(new Jw301());

        Expect.Clean(gw.Process(new Jw305()));
    }

    [Fact]
    public void tr381_stop_product_code_outside_its_category_gets_S329()
    {
        var gw = new Gateway(ReferenceSet.Empty);
        gw.Given(Jw301.With(new Toegewezen { Product = Misfiled }), Jw305.With(new Start { Product = Misfiled }));
        gw.Reference = Reference.Products();

        Expect.Only(gw.Process(Jw307.With(new Stop { Product = Misfiled })), Paths.Stop, "S329");
    }

    [Fact]
    public void tr381_delete_of_a_start_is_not_checked_passes()
    {
        // rules.md §4.3: a delivery with StatusAanlevering 3 needs no other content checks than TR063/TR071.
        var gw = new Gateway(ReferenceSet.Empty);
        gw.Given(Jw301.With(new Toegewezen { Product = Misfiled }), Jw305.With(new Start { Product = Misfiled }));
        gw.Reference = Reference.Products();

        Expect.Clean(gw.Process(Jw305.With(new Start { Product = Misfiled }.Delete())));
    }

    [Fact]
    public void tr381_delete_of_a_stop_is_not_checked_passes()
    {
        var gw = new Gateway(ReferenceSet.Empty);
        var start = new Start { Product = Misfiled };
        gw.Given(Jw301.With(new Toegewezen { Product = Misfiled }), Jw305.With(start), Jw307.With(start.Stopped(Stop.Definitive, D(2026, 2, 27))));
        gw.Reference = Reference.Products();

        Expect.Clean(gw.Process(Jw307.With(start.Stopped(Stop.Definitive, D(2026, 2, 27)).Delete())));
    }

    [Fact]
    public void tr381_stop_product_code_in_its_category_passes()
    {
        var gw = new Gateway(Reference.Products());
        gw.Given(new Jw301(), new Jw305());

        Expect.Clean(gw.Process(new Jw307()));
    }

    [Fact]
    public void tr381_prestatie_code_outside_its_category_gets_S329()
    {
        // Aspecific assignment: any code may be declared (TR340 does not apply), but it must belong to the category (IV075).
        var gw = new Gateway(Reference.Products());
        gw.Given(Jw301.With(Toegewezen.Aspecific(Nummer)));

        Expect.Only(gw.Process(Jw323.Of(new Pr { Code = "54001" })), Paths.Prestatie, "S329");
    }

    [Fact]
    public void tr381_prestatie_code_in_its_category_passes()
    {
        var gw = new Gateway(Reference.Products());
        gw.Given(Jw301.With(Toegewezen.Aspecific(Nummer)));

        Expect.Clean(gw.Process(Jw323.Of(new Pr { Code = "45A05" })));
    }

    [Fact]
    public void tr381_without_product_code_list_passes()
    {
        var gw = new Gateway(ReferenceSet.Empty);

        Expect.Clean(gw.Process(Jw301.With(new Toegewezen { Product = Misfiled })));
    }
}
