using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Clients;

public sealed class CS318_ClientNotAnOrganisation : InMessageRule
{
    public override string Code => "CS318";

    public override string Description => "The client's NaamGebruik is not 6 (non-natural person).";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw301Message { Client.Gegevens.Naam.NaamGebruik: "6" } m
            ? [At(m.Client, "Naam/NaamGebruik", "NaamGebruik 6 (organisation) is not allowed for the client")]
            : [];
}
