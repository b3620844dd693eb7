using Berichtenverkeer.Answers.Tests.Support;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Reading;
using Berichtenverkeer.Ijw.Verdicts;

namespace Berichtenverkeer.Answers.Tests;

/// <summary>README §6.2, IV087/IV088, TR342: the JW325 on a JW323.</summary>
public class DeclaratieAntwoordBuilderTests
{
    private static readonly DeclaratieAntwoordIdentity Identity = new("JW325-0101", new DateOnly(2026, 2, 12));

    private static readonly string Jw323Ns = MessageTypes.JW323.Namespace;

    private static Verdict Codes(params (string Path, string[] Codes)[] entries) => new()
    {
        ClassCodes = entries.ToDictionary(e => e.Path, e => (IReadOnlyList<string>)e.Codes),
    };

    private static (Jw325Answer Answer, MessageNode Tree) Answer(Received jw323, Verdict verdict, DeclaratieAntwoordIdentity? identity = null)
    {
        var answer = DeclaratieAntwoordBuilder.Build(jw323.Declaratie, verdict, identity ?? Identity, jw323.Tree);
        return (answer, AnswerAssert.Valid(answer.Xml, MessageTypes.JW325));
    }

    private static MessageNode Antwoord(MessageNode tree) => tree.Child("DeclaratieAntwoord")!;

    private static void Totaal(MessageNode node, string bedrag, string debetCredit)
    {
        Assert.Equal(bedrag, node.Child("TotaalBedrag")!.Text);
        Assert.Equal(debetCredit, node.Child("DebetCredit")!.Text);
    }

    /// <summary>The echoed prestatie carries exactly the declared values (TR367) followed by its codes.</summary>
    private static void EchoedAsDeclared(Received jw323, string path, MessageNode echoed, params string[] codes) =>
        RetourAssert.Copied(
            AnswerAssert.At(jw323.Tree, path),
            echoed,
            MessageTypes.JW323,
            MessageTypes.JW325,
            n => n.Name == "Prestatie",
            _ => codes,
            samePath: false);

    [Fact]
    public void Fully_approved_declaration_gives_8001_and_reproduces_the_sample()
    {
        var jw323 = Messages.Parse(Messages.Sample("JW323.xml"));

        var (answer, tree) = Answer(jw323, Verdict.Accepted, new DeclaratieAntwoordIdentity("JW325-0002", new DateOnly(2026, 2, 12)));

        Assert.Equal(DeclaratieOutcome.FullyGranted, answer.Outcome);
        Assert.Equal(["0200"], answer.HeaderRetourCodes);
        Assert.Equal(["8001"], answer.DeclaratieAntwoordRetourCodes);
        AnswerAssert.SameTree(Messages.Parse(Messages.Sample("JW325-approved.xml")).Tree, tree);
    }

    [Fact]
    public void Fully_approved_multi_client_declaration_grants_the_whole_total_and_echoes_nothing()
    {
        var jw323 = Messages.Parse(Declaraties.Jw323(Declaraties.Several));

        var (answer, tree) = Answer(jw323, Verdict.Accepted);

        var antwoord = Antwoord(tree);
        Assert.Equal(["DeclaratieNummer", "TotaalIngediendBedrag", "TotaalToegekendBedrag", "RetourCodes"], antwoord.Children.Select(c => c.Name));
        Assert.Equal("D202601042", antwoord.Child("DeclaratieNummer")!.Text);
        Totaal(antwoord.Child("TotaalIngediendBedrag")!, "327550", "D");
        Totaal(antwoord.Child("TotaalToegekendBedrag")!, "327550", "D");
        AnswerAssert.EndsWithCodes(antwoord, "8001");
        Assert.Equal(
            new { Ingediend = 327550L, Toegekend = 327550L, Afgewezen = 0L, Clienten = 3, Prestaties = 6, Toegekende = 6, Echoed = 0 },
            new
            {
                Ingediend = answer.Totals.IngediendSigned,
                Toegekend = answer.Totals.ToegekendSigned,
                Afgewezen = answer.Totals.AfgewezenSigned,
                answer.Totals.Clienten,
                answer.Totals.Prestaties,
                Toegekende = answer.Totals.PrestatiesToegekend,
                Echoed = answer.Totals.PrestatiesEchoed,
            });
    }

    [Fact]
    public void The_header_refers_to_the_declaration_and_swaps_sender_and_receiver()
    {
        var jw323 = Messages.Parse(Declaraties.Jw323(Declaraties.Several, berichtXsdVersie: "1.0.2"));
        var identity = Identity with { XsdVersie = new("1.1.0", "1.0.1"), XsltVersie = "3.0.0" };

        var (_, tree) = Answer(jw323, Verdict.Accepted, identity);

        var header = tree.Child("Header")!;
        Assert.Equal(
            ["BerichtCode", "BerichtVersie", "BerichtSubversie", "Afzender", "Ontvanger", "BerichtIdentificatie", "XsdVersie",
             "DeclaratieIdentificatie", "XsltVersie", "XsdVersieDeclaratie", "RetourCodes"],
            header.Children.Select(c => c.Name));
        Assert.Equal(["491", "3", "2", "0363", "12345678"], header.Children.Take(5).Select(c => c.Text));
        Assert.Equal(["JW325-0101", "2026-02-12"], header.Child("BerichtIdentificatie")!.Children.Select(c => c.Text));
        Assert.Equal(["1.1.0", "1.0.1"], header.Child("XsdVersie")!.Children.Select(c => c.Text));
        Assert.Equal(["D-0042", "2026-02-05"], header.Child("DeclaratieIdentificatie")!.Children.Select(c => c.Text));
        Assert.Equal("3.0.0", header.Child("XsltVersie")!.Text);
        Assert.Equal(["1.0.0", "1.0.2"], header.Child("XsdVersieDeclaratie")!.Children.Select(c => c.Text));
        Assert.All(header.Child("DeclaratieIdentificatie")!.Children, c => Assert.Equal(MessageType.BasisNamespace, c.Namespace));
        AnswerAssert.EndsWithCodes(header, "0200");
    }

    [Fact]
    public void Level2_rejection_gives_header_only_with_0001()
    {
        var jw323 = Messages.Parse(Declaraties.Jw323(Declaraties.Several));

        var (answer, tree) = Answer(jw323, Verdict.Level2(["TR358"]) with { HeaderCodes = ["9056"] }, Identity with { XsltVersie = "2.1.0" });

        Assert.Equal(DeclaratieOutcome.TechnicallyRejected, answer.Outcome);
        Assert.Null(answer.DeclaratieAntwoordRetourCodes);
        Assert.Equal(["Header"], tree.Children.Select(c => c.Name));
        Assert.Equal("2.1.0", tree.Child("Header")!.Child("XsltVersie")!.Text);
        AnswerAssert.EndsWithCodes(tree.Child("Header")!, "0001");
        Assert.Equal(0, answer.Totals.ToegekendSigned);
        Assert.Equal(6, answer.Totals.PrestatiesAfgewezen);
    }

    [Fact]
    public void Header_code_gives_header_only_with_that_code()
    {
        var jw323 = Messages.Parse(Declaraties.Jw323(Declaraties.Several));

        var (answer, tree) = Answer(jw323, Codes((Declaraties.Prestatie(1, 1), ["9321"])) with { HeaderCodes = ["9056"] });

        Assert.Equal(DeclaratieOutcome.HeaderRejected, answer.Outcome);
        Assert.Equal(["Header"], tree.Children.Select(c => c.Name));
        Assert.Null(tree.Child("Header")!.Child("XsltVersie"));
        AnswerAssert.EndsWithCodes(tree.Child("Header")!, "9056");
    }

    [Fact]
    public void Declaration_level_rejection_grants_nothing_and_echoes_no_clients()
    {
        var jw323 = Messages.Parse(Declaraties.Jw323(Declaraties.Several));

        // Codes on lower classes do not matter once the declaration itself is rejected.
        var (answer, tree) = Answer(jw323, Codes(("/Bericht/Declaratie", ["9333"]), (Declaraties.Prestatie(2, 1), ["9321"])));

        Assert.Equal(DeclaratieOutcome.DeclarationRejected, answer.Outcome);
        AnswerAssert.EndsWithCodes(tree.Child("Header")!, "0200");
        var antwoord = Antwoord(tree);
        Assert.Equal(["DeclaratieNummer", "TotaalIngediendBedrag", "TotaalToegekendBedrag", "RetourCodes"], antwoord.Children.Select(c => c.Name));
        Totaal(antwoord.Child("TotaalIngediendBedrag")!, "327550", "D");
        Totaal(antwoord.Child("TotaalToegekendBedrag")!, "0", "D");
        AnswerAssert.EndsWithCodes(antwoord, "9333");
        Assert.Equal((0L, 327550L, 0, 0), (answer.Totals.ToegekendSigned, answer.Totals.AfgewezenSigned, answer.Totals.PrestatiesToegekend, answer.Totals.PrestatiesEchoed));
    }

    [Fact]
    public void A_code_on_a_declaration_field_rejects_the_declaration()
    {
        var jw323 = Messages.Parse(Declaraties.Jw323(Declaraties.Several));

        var (answer, tree) = Answer(jw323, Codes(("/Bericht/Declaratie/DeclaratiePeriode", ["8214"])));

        Assert.Equal(DeclaratieOutcome.DeclarationRejected, answer.Outcome);
        AnswerAssert.EndsWithCodes(Antwoord(tree), "8214");
    }

    [Fact]
    public void One_rejected_prestatie_reproduces_the_sample_answer()
    {
        var jw323 = Messages.Parse(Messages.Sample("JW323.xml"));
        var verdict = Codes(("/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie", ["9321"]));

        var (answer, tree) = Answer(jw323, verdict, new DeclaratieAntwoordIdentity("JW325-0001", new DateOnly(2026, 2, 12)));

        Assert.Equal(DeclaratieOutcome.PartiallyGranted, answer.Outcome);
        AnswerAssert.SameTree(Messages.Parse(Messages.Sample("JW325.xml")).Tree, tree);
    }

    [Fact]
    public void One_rejected_prestatie_among_several_is_echoed_alone_with_its_client()
    {
        var jw323 = Messages.Parse(Declaraties.Jw323(Declaraties.Several));
        var rejected = Declaraties.Prestatie(2, 1);

        var (answer, tree) = Answer(jw323, Codes((rejected, ["9321"])));

        var antwoord = Antwoord(tree);
        Totaal(antwoord.Child("TotaalIngediendBedrag")!, "327550", "D");
        Totaal(antwoord.Child("TotaalToegekendBedrag")!, "177550", "D");
        AnswerAssert.EndsWithCodes(antwoord, "0200");
        var client = Assert.Single(antwoord.Child("Clienten")!.Children);
        Assert.Equal("999900018", client.Child("Bsn")!.Text);
        AnswerAssert.EndsWithCodes(client, "0200");
        var echoed = Assert.Single(client.Child("Prestaties")!.Children);
        EchoedAsDeclared(jw323, rejected, echoed, "9321");
        Assert.Equal("7500", echoed.Child("ProductTarief")!.Text);
        Assert.Equal((177550L, 150000L, 5, 1, 1), (answer.Totals.ToegekendSigned, answer.Totals.AfgewezenSigned, answer.Totals.PrestatiesToegekend, answer.Totals.ClientenEchoed, answer.Totals.PrestatiesEchoed));
    }

    [Fact]
    public void The_validity_check_on_answers_would_catch_a_total_that_breaks_TR342()
    {
        var jw323 = Messages.Parse(Declaraties.Jw323(Declaraties.Several));
        var (answer, _) = Answer(jw323, Codes((Declaraties.Prestatie(2, 1), ["9321"])));

        var broken = System.Text.Encoding.UTF8.GetBytes(
            System.Text.Encoding.UTF8.GetString(answer.Xml).Replace("<ijw:TotaalBedrag>177550<", "<ijw:TotaalBedrag>177551<", StringComparison.Ordinal));

        Assert.Contains("TR342", Messages.Validator.Validate(broken).FailedRules);
    }

    [Fact]
    public void Rejected_prestaties_of_several_clients_are_echoed_in_declaration_order_and_a_missing_tarief_stays_missing()
    {
        var jw323 = Messages.Parse(Declaraties.Jw323(Declaraties.Several));
        var euros = Declaraties.Prestatie(1, 3);
        var verdict = Codes((Declaraties.Prestatie(2, 2), ["9322"]), (euros, ["9341", "9369"])) with
        {
            NotAssessed = new HashSet<string> { "/Bericht/Declaratie/Clienten/Client[3]/Prestaties/Prestatie" },
        };

        var (answer, tree) = Answer(jw323, verdict);

        var clienten = Antwoord(tree).Child("Clienten")!.Children;
        Assert.Equal(["999900006", "999900018", "999900031"], clienten.Select(c => c.Child("Bsn")!.Text));
        Assert.All(clienten, c => AnswerAssert.EndsWithCodes(c, "0200"));
        var eurosEchoed = Assert.Single(clienten[0].Child("Prestaties")!.Children);
        EchoedAsDeclared(jw323, euros, eurosEchoed, "9341", "9369");
        Assert.Null(eurosEchoed.Child("ProductTarief"));
        EchoedAsDeclared(jw323, Declaraties.Prestatie(2, 2), Assert.Single(clienten[1].Child("Prestaties")!.Children), "9322");
        EchoedAsDeclared(jw323, "/Bericht/Declaratie/Clienten/Client[3]/Prestaties/Prestatie", Assert.Single(clienten[2].Child("Prestaties")!.Children), "0233");

        // 327550 − (12550 + 15000 + 45000)
        Totaal(Antwoord(tree).Child("TotaalToegekendBedrag")!, "255000", "D");
        Assert.Equal(3, answer.Totals.PrestatiesEchoed);
    }

    [Fact]
    public void Client_level_rejection_echoes_that_client_with_its_code_and_all_its_prestaties_with_0233()
    {
        var jw323 = Messages.Parse(Declaraties.Jw323(Declaraties.Several));

        // The prestatie's own code yields to the client's rejection: all its prestaties are echoed as not assessed.
        var (answer, tree) = Answer(jw323, Codes((Declaraties.Client(2) + "/Bsn", ["8187"]), (Declaraties.Prestatie(2, 1), ["9321"])));

        var antwoord = Antwoord(tree);
        AnswerAssert.EndsWithCodes(antwoord, "0200");
        var client = Assert.Single(antwoord.Child("Clienten")!.Children);
        Assert.Equal("999900018", client.Child("Bsn")!.Text);
        AnswerAssert.EndsWithCodes(client, "8187");
        var prestaties = client.Child("Prestaties")!.Children;
        Assert.Equal(2, prestaties.Count);
        EchoedAsDeclared(jw323, Declaraties.Prestatie(2, 1), prestaties[0], "0233");
        EchoedAsDeclared(jw323, Declaraties.Prestatie(2, 2), prestaties[1], "0233");
        Totaal(antwoord.Child("TotaalToegekendBedrag")!, "162550", "D");
        Assert.Equal((162550L, 4, 1, 2), (answer.Totals.ToegekendSigned, answer.Totals.PrestatiesToegekend, answer.Totals.ClientenEchoed, answer.Totals.PrestatiesEchoed));
    }

    [Fact]
    public void Credit_and_debit_mix_with_a_negative_granted_total_is_written_as_credit()
    {
        ClientSpec[] clients =
        [
            new("999900006", new PrestatieSpec("PA1C", 100001, 10, "C", "P2025120001"), new PrestatieSpec("PA2", 100001, 2)),
            new("999900018", new PrestatieSpec("PB1C", 200001, 20, "C", "P2025120002"), new PrestatieSpec("PB2", 200002, 4)),
        ];
        var jw323 = Messages.Parse(Declaraties.Jw323(clients));
        var rejected = Declaraties.Prestatie(2, 2, clients: 2);

        var (answer, tree) = Answer(jw323, Codes((rejected, ["9321"])));

        // Ingediend −75000 + 15000 − 150000 + 30000 = −180000; the rejected debit of 30000 leaves −210000 granted.
        var antwoord = Antwoord(tree);
        Totaal(antwoord.Child("TotaalIngediendBedrag")!, "180000", "C");
        Totaal(antwoord.Child("TotaalToegekendBedrag")!, "210000", "C");
        EchoedAsDeclared(jw323, rejected, Assert.Single(Assert.Single(antwoord.Child("Clienten")!.Children).Child("Prestaties")!.Children), "9321");
        Assert.Equal((-180000L, -210000L, 30000L), (answer.Totals.IngediendSigned, answer.Totals.ToegekendSigned, answer.Totals.AfgewezenSigned));
        Assert.Equal(new Ijw.Model.Bedrag(210000, "C"), answer.Totals.TotaalToegekendBedrag);
    }

    [Fact]
    public void A_rejected_credit_is_echoed_with_its_vorig_referentie_and_counts_negative()
    {
        ClientSpec[] clients =
        [
            new("999900006", new PrestatieSpec("PA1C", 100001, 10, "C", "P2025120001"), new PrestatieSpec("PA2", 100001, 12)),
        ];
        var jw323 = Messages.Parse(Declaraties.Jw323(clients));
        var credit = Declaraties.Prestatie(1, 1, clients: 1);

        var (answer, tree) = Answer(jw323, Codes((credit, ["8017"])));

        // Ingediend −75000 + 90000 = 15000; without the credit 90000 is granted; echoed −75000 = 15000 − 90000 (TR342).
        var antwoord = Antwoord(tree);
        Totaal(antwoord.Child("TotaalToegekendBedrag")!, "90000", "D");
        var echoed = Assert.Single(Assert.Single(antwoord.Child("Clienten")!.Children).Child("Prestaties")!.Children);
        EchoedAsDeclared(jw323, credit, echoed, "8017");
        Assert.Equal("P2025120001", echoed.Child("ProductReferentie")!.Child("VorigReferentieNummer")!.Text);
        Assert.Equal(-75000, answer.Totals.AfgewezenSigned);
    }

    [Fact]
    public void A_zero_granted_total_is_written_as_0_D_even_when_every_prestatie_is_rejected()
    {
        ClientSpec[] clients = [new("999900006", new PrestatieSpec("PA1", 100001, 10), new PrestatieSpec("PA2", 100002, 2))];
        var jw323 = Messages.Parse(Declaraties.Jw323(clients));

        var (answer, tree) = Answer(jw323, Codes((Declaraties.Prestatie(1, 1, clients: 1), ["9338"]), (Declaraties.Prestatie(1, 2, clients: 1), ["9339"])));

        Assert.Equal(DeclaratieOutcome.PartiallyGranted, answer.Outcome);
        Totaal(Antwoord(tree).Child("TotaalToegekendBedrag")!, "0", "D");
        AnswerAssert.EndsWithCodes(Antwoord(tree), "0200");
        Assert.Equal(2, answer.Totals.PrestatiesEchoed);
    }

    [Fact]
    public void Building_from_the_model_alone_gives_the_same_bytes_as_from_the_tree()
    {
        ClientSpec[] clients =
        [
            new("999900006", new PrestatieSpec("PA1C", 100001, 10, "C", "P2025120001"), new PrestatieSpec("PA2", 100001, 2), new PrestatieSpec("PA3", 100003, 12550, Eenheid: "83")),
            new("999900018", new PrestatieSpec("PB1", 200001, 20)),
        ];
        var jw323 = Messages.Parse(Declaraties.Jw323(clients));
        var verdict = Codes((Declaraties.Prestatie(1, 1, clients: 2, prestaties: 3), ["8017"]), (Declaraties.Prestatie(1, 3, clients: 2, prestaties: 3), ["9341"]), (Declaraties.Client(2), ["8187"]));

        var fromTree = DeclaratieAntwoordBuilder.Build(jw323.Declaratie, verdict, Identity, jw323.Tree);
        var fromModel = DeclaratieAntwoordBuilder.Build(jw323.Declaratie, verdict, Identity);

        AnswerAssert.Valid(fromModel.Xml, MessageTypes.JW325);
        Assert.Equal(fromTree.Xml, fromModel.Xml);
        Assert.Equal(fromTree.Totals, fromModel.Totals);
    }

    [Fact]
    public void A_declaration_whose_total_is_not_the_sum_of_its_prestaties_cannot_be_answered_as_level2_valid()
    {
        var jw323 = Messages.ParseLevel1(Declaraties.Jw323(Declaraties.Several, totaalSigned: 300000));

        var ex = Assert.Throws<InvalidOperationException>(() => DeclaratieAntwoordBuilder.Build(jw323.Declaratie, Verdict.Accepted, Identity, jw323.Tree));

        Assert.Contains("TR358", ex.Message, StringComparison.Ordinal);

        // The right answer to such a declaration is the technical rejection, which is possible.
        var rejected = DeclaratieAntwoordBuilder.Build(jw323.Declaratie, Verdict.Level2(["TR358"]), Identity, jw323.Tree);
        AnswerAssert.Valid(rejected.Xml, MessageTypes.JW325);
    }

    [Fact]
    public void A_verdict_path_naming_a_prestatie_the_declaration_lacks_is_refused()
    {
        var jw323 = Messages.Parse(Declaraties.Jw323(Declaraties.Several));

        Assert.Throws<ArgumentException>(() => DeclaratieAntwoordBuilder.Build(jw323.Declaratie, Codes((Declaraties.Prestatie(3, 2), ["9321"])), Identity));
    }

    [Fact]
    public void A_tree_that_is_not_a_jw323_is_refused()
    {
        var jw323 = Messages.Parse(Messages.Sample("JW323.xml"));
        var jw305 = Messages.Parse(Messages.Sample("JW305.xml"));

        Assert.Throws<ArgumentException>(() => DeclaratieAntwoordBuilder.Build(jw323.Declaratie, Verdict.Accepted, Identity, jw305.Tree));
        Assert.Equal(Jw323Ns, jw323.Tree.Namespace);
    }

    [Theory]
    [InlineData("JW325-2026-001")]
    [InlineData(" ")]
    public void An_identificatie_that_is_blank_or_longer_than_12_is_refused(string id)
    {
        var jw323 = Messages.Parse(Messages.Sample("JW323.xml"));

        Assert.Throws<ArgumentException>(() => DeclaratieAntwoordBuilder.Build(jw323.Declaratie, Verdict.Accepted, new DeclaratieAntwoordIdentity(id, new DateOnly(2026, 2, 12))));
    }
}
