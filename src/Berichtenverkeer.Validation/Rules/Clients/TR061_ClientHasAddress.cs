using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Clients;

/// <remarks>
/// [UNSURE] in the spec whether the Adres itself must be present. We require it: the rule speaks of
/// "an address whose Soort is 01/02/03", and a Contact of that Soort without an Adres is no address.
/// </remarks>
public sealed class TR061_ClientHasAddress : InMessageRule
{
    public override string Code => "TR061";

    public override string Description => "The client has a Contactgegevens/Contact of Soort 01, 02 or 03 that holds an Adres.";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw301Message m && !m.Client.Contactgegevens.Any(c => c.Soort is "01" or "02" or "03" && c.Adres is not null)
            ? [At(m.Client, "Contactgegevens", "The client needs a BRP, correspondence or residence address (Soort 01, 02 or 03 with an Adres)")]
            : [];
}
