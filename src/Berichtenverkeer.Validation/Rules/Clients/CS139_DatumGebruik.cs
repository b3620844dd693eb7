using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Clients;

public sealed class CS139_DatumGebruik : InMessageRule
{
    public override string Code => "CS139";

    public override string Description =>
        "DatumGebruik and Datum agree: 3 → 1900-01-01; 2 → YYYY-01-01; 1 → YYYY-MM-01.";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW305, JW307, JW315];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        MessageParts.BirthDates(message)
            .Where(b => !Agrees(b.Geboortedatum))
            .Select(b => At(b.Path, $"Datum does not fit DatumGebruik {b.Geboortedatum.DatumGebruik}"));

    private static bool Agrees(Geboortedatum g) => g.DatumGebruik switch
    {
        "3" => g.Datum == new DateOnly(1900, 1, 1),
        "2" => g.Datum is { Month: 1, Day: 1 },
        "1" => g.Datum.Day == 1,
        _ => true,
    };
}
