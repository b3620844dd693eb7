using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Answers;

public sealed class TR409_WoonplaatsbeginselOnlyWithReason8 : InMessageRule
{
    public override string Code => "TR409";

    public override string Description => "Woonplaatsbeginsel is absent unless RedenAfwijzingVerzoek = 8.";

    public override IReadOnlyList<MessageType> Messages => [JW319];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw319Message { Antwoord: { WoonplaatsbeginselGemeente: not null } a } && a.RedenAfwijzingVerzoek != "8"
            ? [At(a, "Woonplaatsbeginsel", "Woonplaatsbeginsel is only sent with RedenAfwijzingVerzoek 8")]
            : [];
}
