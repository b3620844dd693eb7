using Berichtenverkeer.Answers.Tests.Support;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Verdicts;

namespace Berichtenverkeer.Answers.Tests;

/// <summary>README §6.1 / rules.md §10 for each of the six retours.</summary>
public class RetourBuilderTests
{
    private static readonly RetourIdentity Identity = new("R-2026-00042", new DateOnly(2026, 3, 10));

    public static readonly TheoryData<string, string> SamplePairs = new()
    {
        { "JW301.xml", "JW302.xml" },
        { "JW305.xml", "JW306.xml" },
        { "JW307.xml", "JW308.xml" },
        { "JW315.xml", "JW316.xml" },
        { "JW317.xml", "JW318.xml" },
        { "JW319.xml", "JW320.xml" },
    };

    [Theory]
    [MemberData(nameof(RetourCases.Names), MemberType = typeof(RetourCases))]
    public void Clean_verdict_gives_the_copied_header_only_without_retour_codes(string name)
    {
        var c = RetourCases.Get(name);
        var heen = Messages.Parse(c.Heen);

        var answer = RetourBuilder.Build(heen.Tree, heen.Type, Verdict.Accepted, Identity);

        var tree = AnswerAssert.Valid(answer.Xml, c.RetourType);
        Assert.Equal(c.RetourType, answer.Type);
        Assert.Equal(RetourOutcome.Accepted, answer.Outcome);
        Assert.Empty(answer.HeaderRetourCodes);
        Assert.False(answer.HasBody);
        Assert.Equal(["Header"], tree.Children.Select(n => n.Name));
        RetourAssert.Header(heen.Tree, tree, heen.Type, c.RetourType, Identity);
    }

    [Theory]
    [MemberData(nameof(SamplePairs))]
    public void Clean_verdict_reproduces_the_sample_retour(string heenFile, string retourFile)
    {
        var heen = Messages.Parse(Messages.Sample(heenFile));
        var sample = Messages.Parse(Messages.Sample(retourFile));
        var sampleHeader = sample.Tree.Child("Header")!;
        var identity = new RetourIdentity(
            sampleHeader.Child("IdentificatieRetour")!.Text!,
            DateOnly.Parse(sampleHeader.Child("DagtekeningRetour")!.Text!, System.Globalization.CultureInfo.InvariantCulture));

        var answer = RetourBuilder.Build(heen.Tree, heen.Type, Verdict.Accepted, identity);

        AnswerAssert.SameTree(sample.Tree, AnswerAssert.Valid(answer.Xml, sample.Type));
    }

    [Theory]
    [MemberData(nameof(RetourCases.Names), MemberType = typeof(RetourCases))]
    public void Level2_rejection_gives_header_only_with_0001_and_the_xslt_version(string name)
    {
        var c = RetourCases.Get(name);
        var heen = Messages.Parse(c.Heen);
        var identity = Identity with { XsltVersie = "2.1.0" };

        // Class codes must not leak into a technical rejection: level 2 stops the evaluation.
        var verdict = c.Verdict with { TechnicallyRejected = true, Level2Rules = ["CS002"], HeaderCodes = ["9056"] };
        var answer = RetourBuilder.Build(heen.Tree, heen.Type, verdict, identity);

        var tree = AnswerAssert.Valid(answer.Xml, c.RetourType);
        Assert.Equal(RetourOutcome.TechnicallyRejected, answer.Outcome);
        Assert.Equal(["0001"], answer.HeaderRetourCodes);
        Assert.Equal(["Header"], tree.Children.Select(n => n.Name));
        RetourAssert.Header(heen.Tree, tree, heen.Type, c.RetourType, identity, "0001");
    }

    [Fact]
    public void Level2_rejection_without_an_xslt_version_leaves_XsltVersie_out()
    {
        var heen = Messages.Parse(Messages.Sample("JW305.xml"));

        var answer = RetourBuilder.Build(heen.Tree, heen.Type, Verdict.Level2(["TR134"]), Identity);

        var tree = AnswerAssert.Valid(answer.Xml, MessageTypes.JW306);
        Assert.Null(tree.Child("Header")!.Child("XsltVersie"));
        RetourAssert.Header(heen.Tree, tree, heen.Type, MessageTypes.JW306, Identity, "0001");
    }

    [Theory]
    [MemberData(nameof(RetourCases.Names), MemberType = typeof(RetourCases))]
    public void Header_code_gives_header_only_with_that_code(string name)
    {
        var c = RetourCases.Get(name);
        var heen = Messages.Parse(c.Heen);

        // A header error wins over class codes: the answer is header only.
        var answer = RetourBuilder.Build(heen.Tree, heen.Type, c.Verdict with { HeaderCodes = ["9056"] }, Identity);

        var tree = AnswerAssert.Valid(answer.Xml, c.RetourType);
        Assert.Equal(RetourOutcome.HeaderRejected, answer.Outcome);
        Assert.Equal(["Header"], tree.Children.Select(n => n.Name));
        RetourAssert.Header(heen.Tree, tree, heen.Type, c.RetourType, Identity, "9056");
    }

    [Fact]
    public void Several_header_codes_are_all_listed_once()
    {
        var heen = Messages.Parse(Messages.Sample("JW301.xml"));

        var answer = RetourBuilder.Build(heen.Tree, heen.Type, new Verdict { HeaderCodes = ["9056", "S300", "9056"] }, Identity);

        var tree = AnswerAssert.Valid(answer.Xml, MessageTypes.JW302);
        RetourAssert.Header(heen.Tree, tree, heen.Type, MessageTypes.JW302, Identity, "9056", "S300");
    }

    [Theory]
    [MemberData(nameof(RetourCases.Names), MemberType = typeof(RetourCases))]
    public void Class_codes_give_header_0200_and_the_whole_body_with_retour_codes_last_in_every_class(string name)
    {
        var c = RetourCases.Get(name);
        var heen = Messages.Parse(c.Heen);

        var answer = RetourBuilder.Build(heen.Tree, heen.Type, c.Verdict, Identity);

        var tree = AnswerAssert.Valid(answer.Xml, c.RetourType);
        Assert.Equal(RetourOutcome.ClassesRejected, answer.Outcome);
        Assert.True(answer.HasBody);
        Assert.Equal(["0200"], answer.HeaderRetourCodes);
        RetourAssert.Header(heen.Tree, tree, heen.Type, c.RetourType, Identity, "0200");

        var heenBody = heen.Tree.Children[1];
        Assert.Equal(["Header", heenBody.Name], tree.Children.Select(n => n.Name));
        RetourAssert.Copied(heenBody, tree.Children[1], heen.Type, c.RetourType, n => c.ClassNames.Contains(n.Name), c.Expected);

        // Every class got exactly one block, and every expected code landed somewhere.
        var classes = heenBody.DescendantsAndSelf().Count(n => c.ClassNames.Contains(n.Name));
        Assert.Equal(classes + 1, tree.DescendantsAndSelf().Count(n => n.Name == "RetourCodes"));
        foreach (var (path, codes) in c.Codes)
        {
            Assert.Equal(codes, AnswerAssert.Codes(AnswerAssert.At(tree, path)));
        }
    }

    [Fact]
    public void Wrapper_elements_get_no_retour_codes()
    {
        var c = RetourCases.Get("JW301");
        var heen = Messages.Parse(c.Heen);

        var tree = AnswerAssert.Valid(RetourBuilder.Build(heen.Tree, heen.Type, c.Verdict, Identity).Xml, MessageTypes.JW302);

        foreach (var wrapper in new[] { "Relaties", "Contactgegevens", "ToegewezenProducten" })
        {
            Assert.Null(AnswerAssert.At(tree, "/Bericht/Client/" + wrapper).Child("RetourCodes"));
        }

        // JW302 order: a Relatie's codes follow its Contact; the Client's follow ToegewezenProducten.
        var relatie = AnswerAssert.At(tree, "/Bericht/Client/Relaties/Relatie");
        Assert.Equal(["Contact", "RetourCodes"], relatie.Children.TakeLast(2).Select(n => n.Name));
        AnswerAssert.EndsWithCodes(relatie.Child("Contact")!, "0233");
        AnswerAssert.EndsWithCodes(relatie, "0200");
        AnswerAssert.EndsWithCodes(AnswerAssert.At(tree, "/Bericht/Client/Contactgegevens/Contact"), "0200");
        var client = AnswerAssert.At(tree, "/Bericht/Client");
        Assert.Equal(["ToegewezenProducten", "RetourCodes"], client.Children.TakeLast(2).Select(n => n.Name));
        AnswerAssert.EndsWithCodes(client, "0200");
    }

    [Fact]
    public void Iv028_worked_example_delete_without_earlier_start_gives_9063_on_the_start_product()
    {
        // IV028: a JW305 whose StartProduct has StatusAanlevering 3 without an earlier delivery.
        var jw305 = Messages.Edit("JW305.xml", (doc, ns) =>
        {
            var id = doc.Descendants(ns + "BerichtIdentificatie").Single();
            id.Element(Messages.Ijw + "Identificatie")!.Value = "JW305-0002";
            id.Element(Messages.Ijw + "Dagtekening")!.Value = "2026-01-09";
            doc.Descendants(ns + "StatusAanlevering").Single().Value = "3";
        });
        var heen = Messages.Parse(jw305);
        var verdict = new Verdict
        {
            ClassCodes = new Dictionary<string, IReadOnlyList<string>> { ["/Bericht/Client/StartProducten/StartProduct"] = ["9063"] },
        };

        var answer = RetourBuilder.Build(heen.Tree, heen.Type, verdict, new RetourIdentity("R306-0002", new DateOnly(2026, 1, 12)));

        var tree = AnswerAssert.Valid(answer.Xml, MessageTypes.JW306);
        AnswerAssert.EndsWithCodes(tree.Child("Header")!, "0200");
        AnswerAssert.EndsWithCodes(AnswerAssert.At(tree, "/Bericht/Client"), "0200");
        AnswerAssert.EndsWithCodes(AnswerAssert.At(tree, "/Bericht/Client/StartProducten/StartProduct"), "9063");
        AnswerAssert.SameTree(Messages.Parse(Messages.Sample("JW306-rejected.xml")).Tree, tree);
    }

    [Fact]
    public void Body_text_is_copied_exactly_as_received()
    {
        const string commentaar = "  Zorg & <begeleiding> \"thuis\" — Zoë\nTweede regel  ";
        var jw301 = Messages.Edit("JW301.xml", (doc, ns) =>
        {
            doc.Descendants(ns + "ToegewezenProduct").Single().SetText("Commentaar", ns, commentaar);
            doc.Descendants(Messages.Ijw + "Voornamen").First().Value = "Zoë Anne-Marie";
        });
        var heen = Messages.Parse(jw301);

        var answer = RetourBuilder.Build(heen.Tree, heen.Type, RetourCases.Get("JW301").Verdict, Identity);

        var tree = AnswerAssert.Valid(answer.Xml, MessageTypes.JW302);
        Assert.Equal(commentaar, AnswerAssert.At(tree, "/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Commentaar").Text);
        Assert.Equal("Zoë Anne-Marie", AnswerAssert.At(tree, "/Bericht/Client/Naam/Voornamen").Text);
        Assert.Contains("Zorg &amp; &lt;begeleiding&gt;", System.Text.Encoding.UTF8.GetString(answer.Xml), StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_retour_xsd_versions_are_written()
    {
        var heen = Messages.Parse(Messages.Sample("JW307.xml"));
        var identity = Identity with { XsdVersieRetour = new("1.2.0", "1.0.3") };

        var tree = AnswerAssert.Valid(RetourBuilder.Build(heen.Tree, heen.Type, Verdict.Accepted, identity).Xml, MessageTypes.JW308);

        RetourAssert.Header(heen.Tree, tree, heen.Type, MessageTypes.JW308, identity);
    }
}
