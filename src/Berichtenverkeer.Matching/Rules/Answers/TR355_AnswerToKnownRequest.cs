using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Answers;

public sealed class TR355_AnswerToKnownRequest : MatchingRule<Antwoord>
{
    public override string Code => "TR355";

    public override string Retourcode => "9355";

    public override string Description => "ReferentieAanbieder is that of an earlier VOT or VOW this provider sent to this municipality.";

    public override IReadOnlyList<MessageType> Messages => [JW319];

    public override bool Passes(Antwoord subject, MatchContext context) =>
        context.RequestsOf(subject.ReferentieAanbieder).Any(r => r.Gemeente == context.Gemeente);
}
