using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Clients;

public sealed class CS002_BsnElfproef : InMessageRule
{
    public override string Code => "CS002";

    public override string Description => "Every Bsn passes the 11-test.";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW305, JW307, JW315, JW317, JW323, JW325];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.Bsns(message)
            .Where(b => !Bsn.IsValid(b.Bsn))
            .Select(b => At(b.Path, "Bsn fails the 11-test"));
}
