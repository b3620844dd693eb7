using Berichtenverkeer.Answers.Tests.Support;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Verdicts;

namespace Berichtenverkeer.Answers.Tests;

/// <summary>Which messages get which answer, and what the builders refuse.</summary>
public class AnswerRoutingTests
{
    private static readonly RetourIdentity Identity = new("R1", new DateOnly(2026, 3, 10));

    [Theory]
    [InlineData("JW301", AnswerKind.Retour)]
    [InlineData("JW305", AnswerKind.Retour)]
    [InlineData("JW307", AnswerKind.Retour)]
    [InlineData("JW315", AnswerKind.Retour)]
    [InlineData("JW317", AnswerKind.Retour)]
    [InlineData("JW319", AnswerKind.Retour)]
    [InlineData("JW323", AnswerKind.DeclaratieAntwoord)]
    [InlineData("JW325", AnswerKind.None)]
    [InlineData("JW302", AnswerKind.None)]
    [InlineData("JW306", AnswerKind.None)]
    [InlineData("JW320", AnswerKind.None)]
    public void Each_message_type_gets_its_kind_of_answer(string type, AnswerKind expected) =>
        Assert.Equal(expected, AnswerRouting.For(MessageTypes.FromName(type)!));

    [Theory]
    [InlineData("JW323.xml", AnswerKind.DeclaratieAntwoord, "JW325")]
    [InlineData("JW325.xml", AnswerKind.None, "never answered")]
    [InlineData("JW306.xml", AnswerKind.None, "retour")]
    public void Asking_a_retour_for_a_message_without_one_throws_NoRetourException(string file, AnswerKind kind, string explanation)
    {
        var received = Messages.Parse(Messages.Sample(file));

        var ex = Assert.Throws<NoRetourException>(() => RetourBuilder.Build(received.Tree, received.Type, Verdict.Accepted, Identity));

        Assert.Equal(received.Type, ex.Received);
        Assert.Equal(kind, ex.Kind);
        Assert.Contains(explanation, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tree_of_another_message_type_is_refused()
    {
        var jw305 = Messages.Parse(Messages.Sample("JW305.xml"));

        Assert.Throws<ArgumentException>(() => RetourBuilder.Build(jw305.Tree, MessageTypes.JW307, Verdict.Accepted, Identity));
    }

    [Theory]
    [InlineData("R-2026-000001")]
    [InlineData("")]
    [InlineData("   ")]
    public void An_identificatie_retour_that_is_blank_or_longer_than_12_is_refused(string id)
    {
        var heen = Messages.Parse(Messages.Sample("JW305.xml"));

        Assert.Throws<ArgumentException>(() => RetourBuilder.Build(heen.Tree, heen.Type, Verdict.Accepted, new RetourIdentity(id, new DateOnly(2026, 1, 8))));
    }

    [Theory]
    [InlineData("01.0.0")]
    [InlineData("1.0")]
    public void A_malformed_version_is_refused(string version)
    {
        var heen = Messages.Parse(Messages.Sample("JW305.xml"));

        Assert.Throws<ArgumentException>(() => RetourBuilder.Build(heen.Tree, heen.Type, Verdict.Level2(["CS002"]), Identity with { XsltVersie = version }));
        Assert.Throws<ArgumentException>(() => RetourBuilder.Build(heen.Tree, heen.Type, Verdict.Accepted, Identity with { XsdVersieRetour = new(version, "1.0.0") }));
    }
}
