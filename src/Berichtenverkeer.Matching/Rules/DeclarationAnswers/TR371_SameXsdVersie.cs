using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.DeclarationAnswers;

public sealed class TR371_SameXsdVersie : MatchingRule<IjwMessage>
{
    public override string Code => "TR371";

    public override string Retourcode => "n.v.t.";

    public override string Description => "XsdVersieDeclaratie equals the XsdVersie of the answered JW323.";

    public override IReadOnlyList<MessageType> Messages => [JW325];

    public override bool Passes(IjwMessage subject, MatchContext context) =>
        subject is not Jw325Message m
        || context.State.AnsweredDeclaratieMessage is not { } declared
        || declared.XsdVersie == $"{m.XsdVersieDeclaratie.BasisschemaXsdVersie}/{m.XsdVersieDeclaratie.BerichtXsdVersie}";
}
