using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Answers;

public sealed class CD086_NoRedenUnderInvestigation : InMessageRule
{
    public override string Code => "CD086";

    public override string Description => "RedenAfwijzingVerzoek is empty when VerzoekAntwoord = 2 (under investigation).";

    public override IReadOnlyList<MessageType> Messages => [JW319];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw319Message { Antwoord: { VerzoekAntwoord: "2", RedenAfwijzingVerzoek: not null } a }
            ? [At(a, "RedenAfwijzingVerzoek", "A request under investigation has no RedenAfwijzingVerzoek")]
            : [];
}
