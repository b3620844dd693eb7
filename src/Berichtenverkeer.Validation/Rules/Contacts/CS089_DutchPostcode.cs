using System.Text.RegularExpressions;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Contacts;

public sealed partial class CS089_DutchPostcode : InMessageRule
{
    public override string Code => "CS089";

    public override string Description => "With LandCode NL the Postcode matches [1-9][0-9]{3}[a-zA-Z]{2}.";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.Contacts(message)
            .Where(c => c.Adres is { LandCode: "NL", Postcode: { } postcode } && !DutchPostcode().IsMatch(postcode))
            .Select(c => At(c, "Adres/Postcode", "A Dutch postcode is four digits (not starting with 0) and two letters, without a space"));

    [GeneratedRegex(@"^[1-9][0-9]{3}[a-zA-Z]{2}\z")]
    private static partial Regex DutchPostcode();
}
