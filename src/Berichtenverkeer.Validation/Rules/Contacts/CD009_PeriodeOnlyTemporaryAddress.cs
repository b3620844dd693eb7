using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Contacts;

public sealed class CD009_PeriodeOnlyTemporaryAddress : InMessageRule
{
    public override string Code => "CD009";

    public override string Description => "Contact/Periode is allowed only when Contact/Soort = 04 (temporary residence).";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.Contacts(message)
            .Where(c => c.Periode is not null && c.Soort != "04")
            .Select(c => At(c, "Periode", "Periode is only allowed on a temporary residence address (Soort 04)"));
}
