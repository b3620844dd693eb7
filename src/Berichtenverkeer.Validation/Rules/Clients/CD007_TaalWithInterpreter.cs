using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Clients;

public sealed class CD007_TaalWithInterpreter : InMessageRule
{
    public override string Code => "CD007";

    public override string Description => "Communicatie/Taal is required when Vorm = 1 (language interpreter), otherwise empty.";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        if (message is not Jw301Message { Client.HasCommunicatie: true } m)
        {
            return [];
        }

        var interpreter = m.Client.CommunicatieVorm == "1";
        var hasTaal = m.Client.CommunicatieTaal is not null;
        return interpreter == hasTaal
            ? []
            : [At(m.Client, "Communicatie/Taal", interpreter ? "Taal is required with a language interpreter (Vorm 1)" : "Taal must be empty unless Vorm is 1")];
    }
}
