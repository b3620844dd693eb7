using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Clients;

/// <remarks>Relatie birth dates are included [DERIVED], as rules.md §2 attaches TR002 to Geboortedatum in JW301.</remarks>
public sealed class TR002_GeboortedatumAtMost120Years : InMessageRule
{
    public override string Code => "TR002";

    public override string Description =>
        "Geboortedatum/Datum is not more than 120 years before the Dagtekening, unless unknown (DatumGebruik 3, 1900-01-01).";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW305, JW307, JW315];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        var earliest = message.Header.Dagtekening.AddYears(-120);
        return MessageParts.BirthDates(message)
            .Where(b => b.Geboortedatum.Datum < earliest && !IsUnknown(b.Geboortedatum))
            .Select(b => At($"{b.Path}/Datum", "Geboortedatum lies more than 120 years before the Dagtekening"));
    }

    private static bool IsUnknown(Geboortedatum g) => g.DatumGebruik == "3" && g.Datum == new DateOnly(1900, 1, 1);
}
