using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Contacts;

public sealed class CD025_HuisForDutchAddress : InMessageRule
{
    public override string Code => "CD025";

    public override string Description => "Adres/Huis is required when Adres/LandCode = NL.";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.Contacts(message)
            .Where(c => c.Adres is { LandCode: "NL", Huis: null })
            .Select(c => At(c, "Adres/Huis", "A Dutch address needs a Huis (house number)"));
}
