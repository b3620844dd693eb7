using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Assignments;

public sealed class TR385_NoDeleteAfterApprovedDeclarations : MatchingRule<ToegewezenProduct>
{
    public override string Code => "TR385";

    public override string Retourcode => "9385";

    public override string Description =>
        "RedenWijziging 13 (delete) is not allowed while the provider has approved, not-credited prestaties on the assignment (OP362).";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override bool Passes(ToegewezenProduct subject, MatchContext context) =>
        subject.RedenWijziging != RedenWijziging.Verwijderd || !context.StandingDebits(subject.ToewijzingNummer).Any();
}
