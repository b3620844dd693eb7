using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Answers;

public sealed class CD085_RedenWithRejection : InMessageRule
{
    public override string Code => "CD085";

    public override string Description => "RedenAfwijzingVerzoek is required when VerzoekAntwoord = 1 (rejected).";

    public override IReadOnlyList<MessageType> Messages => [JW319];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw319Message { Antwoord: { VerzoekAntwoord: "1", RedenAfwijzingVerzoek: null } a }
            ? [At(a, "RedenAfwijzingVerzoek", "A rejection needs a RedenAfwijzingVerzoek")]
            : [];
}
