using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Contacts;

public sealed class CD005_LandCodeWithPostcode : InMessageRule
{
    public override string Code => "CD005";

    public override string Description => "Adres/LandCode is required when Postcode is filled, otherwise empty.";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.Contacts(message)
            .Where(c => c.Adres is { } a && (a.Postcode is null) != (a.LandCode is null))
            .Select(c => At(c, "Adres/LandCode", c.Adres!.Postcode is null
                ? "LandCode must be empty when there is no Postcode"
                : "LandCode is required with a Postcode"));
}
