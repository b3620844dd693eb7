using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Assignments;

/// <remarks>
/// [UNSURE] in rules.md §4.2, implemented as written there: a number seen earlier from this municipality for another
/// client, another provider, another product or another Ingangsdatum is a reused number; a re-sent or changed
/// version of the same assignment keeps its number (IV066).
/// </remarks>
public sealed class TR332_UniqueToewijzingNummer : MatchingRule<ToegewezenProduct>
{
    public override string Code => "TR332";

    public override string Retourcode => "9332";

    public override string Description => "ToewijzingNummer is unique within the Jeugdwet domain of the municipality.";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override bool Passes(ToegewezenProduct subject, MatchContext context)
    {
        var bsn = ((Jw301Message)context.Message).Client.Gegevens.Bsn;
        return context.AssignmentVersions(subject.ToewijzingNummer).All(a =>
            a.Bsn == bsn && a.Agb == context.Agb && a.Product == subject.Product && a.Ingangsdatum == subject.Ingangsdatum);
    }
}
