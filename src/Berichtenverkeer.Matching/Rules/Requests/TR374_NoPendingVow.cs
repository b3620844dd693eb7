using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Requests;

/// <remarks>Reported on the Client class ([UNSURE] in rules.md §4.4).</remarks>
public sealed class TR374_NoPendingVow : MatchingRule<Jw317Client>
{
    public override string Code => "TR374";

    public override string Retourcode => "9374";

    public override string Description => "No earlier request of this provider for this client is still pending (OP350).";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override bool Passes(Jw317Client subject, MatchContext context) =>
        !Requests.HasPending(context, subject.Bsn, [subject.Verzoek.ReferentieAanbieder]);
}
