using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Contacts;

public sealed class TR006_ContactReachable : InMessageRule
{
    public override string Code => "TR006";

    public override string Description => "A Contact holds a Telefoon, or an Adres with both Huis and Postcode, or both.";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.Contacts(message)
            .Where(c => c.Telefoon is null && c.Adres is not { Huis: not null, Postcode: not null })
            .Select(c => At(c.Path, "The contact has neither a telephone number nor an address with house number and postcode"));
}
