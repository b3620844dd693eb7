using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Requests;

/// <remarks>Reported on the Client class: the rule is attached to the message as a whole ([UNSURE] in rules.md §4.4).</remarks>
public sealed class TR374_NoPendingVot : MatchingRule<Jw315Client>
{
    public override string Code => "TR374";

    public override string Retourcode => "9374";

    public override string Description => "No earlier request of this provider for this client is still pending (OP350).";

    public override IReadOnlyList<MessageType> Messages => [JW315];

    public override bool Passes(Jw315Client subject, MatchContext context) =>
        !Requests.HasPending(context, subject.Gegevens.Bsn, subject.AangevraagdeProducten.Select(p => p.ReferentieAanbieder));
}
