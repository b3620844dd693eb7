using Berichtenverkeer.Answers.Tests.Support;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Verdicts;

namespace Berichtenverkeer.Answers.Tests;

/// <summary>How verdict paths are matched to classes, and what is refused.</summary>
public class RetourVerdictPathTests
{
    private static readonly RetourIdentity Identity = new("R1", new DateOnly(2026, 3, 10));

    private static Verdict Codes(params (string Path, string[] Codes)[] entries) => new()
    {
        ClassCodes = entries.ToDictionary(e => e.Path, e => (IReadOnlyList<string>)e.Codes),
    };

    [Fact]
    public void A_code_on_a_field_is_reported_on_the_class_that_holds_it()
    {
        var heen = Messages.Parse(RetourCases.TwoStartProducts());

        var answer = RetourBuilder.Build(heen.Tree, heen.Type, Codes(("/Bericht/Client/StartProducten/StartProduct[2]/Begindatum", ["9326"])), Identity);

        var tree = AnswerAssert.Valid(answer.Xml, MessageTypes.JW306);
        AnswerAssert.EndsWithCodes(AnswerAssert.At(tree, "/Bericht/Client/StartProducten/StartProduct[1]"), "0200");
        AnswerAssert.EndsWithCodes(AnswerAssert.At(tree, "/Bericht/Client/StartProducten/StartProduct[2]"), "9326");
        AnswerAssert.EndsWithCodes(AnswerAssert.At(tree, "/Bericht/Client"), "0200");
    }

    [Fact]
    public void A_code_on_a_missing_optional_field_is_reported_on_its_class()
    {
        var heen = Messages.Parse(Messages.Sample("JW315.xml"));

        var answer = RetourBuilder.Build(heen.Tree, heen.Type, Codes(("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct/BeschikkingNummer", ["9347"])), Identity);

        var tree = AnswerAssert.Valid(answer.Xml, MessageTypes.JW316);
        AnswerAssert.EndsWithCodes(AnswerAssert.At(tree, "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct"), "9347");
    }

    [Fact]
    public void An_explicit_first_index_on_a_single_element_matches_it()
    {
        var heen = Messages.Parse(Messages.Sample("JW307.xml"));

        var answer = RetourBuilder.Build(heen.Tree, heen.Type, Codes(("/Bericht/Client/StopProducten/StopProduct[1]", ["9069"])), Identity);

        var tree = AnswerAssert.Valid(answer.Xml, MessageTypes.JW308);
        AnswerAssert.EndsWithCodes(AnswerAssert.At(tree, "/Bericht/Client/StopProducten/StopProduct"), "9069");
    }

    [Fact]
    public void Codes_for_one_class_from_several_paths_are_merged_once_each_in_order()
    {
        var heen = Messages.Parse(Messages.Sample("JW307.xml"));
        var verdict = Codes(
            ("/Bericht/Client/StopProducten/StopProduct", ["9069", "9413"]),
            ("/Bericht/Client/StopProducten/StopProduct/Einddatum", ["9414", "9069"]));

        var tree = AnswerAssert.Valid(RetourBuilder.Build(heen.Tree, heen.Type, verdict, Identity).Xml, MessageTypes.JW308);

        AnswerAssert.EndsWithCodes(AnswerAssert.At(tree, "/Bericht/Client/StopProducten/StopProduct"), "9069", "9413", "9414");
    }

    [Fact]
    public void Rule_codes_win_over_not_assessed_on_the_same_class()
    {
        var heen = Messages.Parse(Messages.Sample("JW307.xml"));
        const string stop = "/Bericht/Client/StopProducten/StopProduct";
        var verdict = Codes((stop, ["9069"])) with { NotAssessed = new HashSet<string> { stop, "/Bericht/Client" } };

        var tree = AnswerAssert.Valid(RetourBuilder.Build(heen.Tree, heen.Type, verdict, Identity).Xml, MessageTypes.JW308);

        AnswerAssert.EndsWithCodes(AnswerAssert.At(tree, stop), "9069");
        AnswerAssert.EndsWithCodes(AnswerAssert.At(tree, "/Bericht/Client"), "0233");
    }

    [Fact]
    public void Only_not_assessed_classes_without_any_rule_code_give_a_clean_retour()
    {
        var heen = Messages.Parse(Messages.Sample("JW305.xml"));
        var verdict = new Verdict
        {
            ClassCodes = new Dictionary<string, IReadOnlyList<string>> { ["/Bericht/Client"] = [] },
            NotAssessed = new HashSet<string> { "/Bericht/Client/StartProducten/StartProduct" },
        };

        var answer = RetourBuilder.Build(heen.Tree, heen.Type, verdict, Identity);

        Assert.Equal(RetourOutcome.Accepted, answer.Outcome);
        Assert.Equal(["Header"], AnswerAssert.Valid(answer.Xml, MessageTypes.JW306).Children.Select(n => n.Name));
    }

    [Fact]
    public void A_code_for_a_class_the_message_does_not_contain_is_refused()
    {
        var heen = Messages.Parse(RetourCases.TwoStartProducts());

        var ex = Assert.Throws<ArgumentException>(() =>
            RetourBuilder.Build(heen.Tree, heen.Type, Codes(("/Bericht/Client/StartProducten/StartProduct[3]", ["9074"])), Identity));

        Assert.Contains("StartProduct", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_code_in_the_header_is_refused_because_header_codes_have_their_own_list()
    {
        var heen = Messages.Parse(Messages.Sample("JW305.xml"));

        var ex = Assert.Throws<ArgumentException>(() =>
            RetourBuilder.Build(heen.Tree, heen.Type, Codes(("/Bericht/Header/BerichtIdentificatie", ["9056"])), Identity));

        Assert.Contains("HeaderCodes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_outside_the_message_is_refused()
    {
        var heen = Messages.Parse(Messages.Sample("JW319.xml"));

        Assert.Throws<ArgumentException>(() => RetourBuilder.Build(heen.Tree, heen.Type, Codes(("/Bericht/Client", ["9355"])), Identity));
    }
}
