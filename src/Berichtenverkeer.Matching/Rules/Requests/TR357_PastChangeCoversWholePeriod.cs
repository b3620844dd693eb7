using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Requests;

public sealed class TR357_PastChangeCoversWholePeriod : MatchingRule<TeWijzigenProduct>
{
    public override string Code => "TR357";

    public override string Retourcode => "9357";

    public override string Description =>
        "A GewensteIngangsdatum on or before the Dagtekening equals the Ingangsdatum of the original assignment.";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override bool Passes(TeWijzigenProduct subject, MatchContext context) =>
        subject.GewensteIngangsdatum > context.Dagtekening
        || context.Assignment(subject.ToewijzingNummer) is not { } a
        || subject.GewensteIngangsdatum == a.Ingangsdatum;
}
