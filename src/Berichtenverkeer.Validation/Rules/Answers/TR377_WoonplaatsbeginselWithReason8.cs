using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Answers;

public sealed class TR377_WoonplaatsbeginselWithReason8 : InMessageRule
{
    public override string Code => "TR377";

    public override string Description => "With RedenAfwijzingVerzoek 8 (woonplaatsbeginsel), Woonplaatsbeginsel is present.";

    public override IReadOnlyList<MessageType> Messages => [JW319];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw319Message { Antwoord: { RedenAfwijzingVerzoek: "8", WoonplaatsbeginselGemeente: null } a }
            ? [At(a, "Woonplaatsbeginsel", "A woonplaatsbeginsel rejection names the responsible municipality")]
            : [];
}
