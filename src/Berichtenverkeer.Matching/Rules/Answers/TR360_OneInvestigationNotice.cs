using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Answers;

public sealed class TR360_OneInvestigationNotice : MatchingRule<Antwoord>
{
    public override string Code => "TR360";

    public override string Retourcode => "9360";

    public override string Description => "VerzoekAntwoord 2 (under investigation) only when no earlier answer on this reference exists.";

    public override IReadOnlyList<MessageType> Messages => [JW319];

    public override bool Passes(Antwoord subject, MatchContext context) =>
        subject.VerzoekAntwoord != "2" || !context.AnswersOn(subject.ReferentieAanbieder).Any();
}
