using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Assignments;

public sealed class TR379_ReferentieHonoursRequest : MatchingRule<ToegewezenProduct>
{
    public override string Code => "TR379";

    public override string Retourcode => "9379";

    public override string Description =>
        "A filled ReferentieAanbieder is a reference this provider used in a JW315/JW317 for this client to this municipality.";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override bool Passes(ToegewezenProduct subject, MatchContext context)
    {
        if (subject.ReferentieAanbieder is not { } referentie)
        {
            return true;
        }

        var bsn = ((Jw301Message)context.Message).Client.Gegevens.Bsn;
        return context.RequestsOf(referentie).Any(r => r.Bsn == bsn && r.Gemeente == context.Gemeente);
    }
}
