using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Answers;

public sealed class TR365_NoAnswerAfterRejection : MatchingRule<Antwoord>
{
    public override string Code => "TR365";

    public override string Retourcode => "9365";

    public override string Description => "An earlier answer on this reference, if any, was 'under investigation' (2).";

    public override IReadOnlyList<MessageType> Messages => [JW319];

    public override bool Passes(Antwoord subject, MatchContext context) =>
        context.AnswersOn(subject.ReferentieAanbieder).All(a => a.VerzoekAntwoord == "2");
}
