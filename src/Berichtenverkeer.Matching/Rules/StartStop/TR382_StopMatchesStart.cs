using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.StartStop;

public sealed class TR382_StopMatchesStart : MatchingRule<StopProduct>
{
    public override string Code => "TR382";

    public override string Retourcode => "9069";

    public override string Description =>
        "A stop copies the key of its start unchanged: a not deleted start with the same ToewijzingNummer, Product and Begindatum exists.";

    public override IReadOnlyList<MessageType> Messages => [JW307];

    public override bool Passes(StopProduct subject, MatchContext context) =>
        subject.IsDelete || Regie.Standing(context).Any(r =>
            r.Kind == RegieKind.Start && r.ToewijzingNummer == subject.ToewijzingNummer && r.Product == subject.Product && r.Begindatum == subject.Begindatum);
}
