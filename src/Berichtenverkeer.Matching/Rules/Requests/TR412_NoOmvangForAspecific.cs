using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Requests;

public sealed class TR412_NoOmvangForAspecific : MatchingRule<TeWijzigenProduct>
{
    public override string Code => "TR412";

    public override string Retourcode => "9412";

    public override string Description =>
        "Omvang is empty when the referenced assignment has no Product/Code and ends after 2020-12-31 or not at all.";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override bool Passes(TeWijzigenProduct subject, MatchContext context) =>
        subject.Omvang is null
        || context.Assignment(subject.ToewijzingNummer) is not { } a
        || a.Product?.Code is not null
        || a.Einddatum <= new DateOnly(2020, 12, 31);
}
