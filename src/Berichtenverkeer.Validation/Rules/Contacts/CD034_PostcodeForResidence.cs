using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Contacts;

/// <remarks>
/// [UNSURE] The source writes "1 … or 3"; read as Soort 01 (BRP) or 03 (residence). Only checked when an
/// Adres is present: a Contact without Adres has no Postcode to demand (TR006 covers reachability).
/// </remarks>
public sealed class CD034_PostcodeForResidence : InMessageRule
{
    public override string Code => "CD034";

    public override string Description => "Adres/Postcode is required when Contact/Soort is 01 or 03.";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.Contacts(message)
            .Where(c => c.Soort is "01" or "03" && c.Adres is { Postcode: null })
            .Select(c => At(c, "Adres/Postcode", $"A Soort {c.Soort} address needs a Postcode"));
}
