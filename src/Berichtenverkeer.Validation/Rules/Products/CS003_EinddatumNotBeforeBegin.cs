using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class CS003_EinddatumNotBeforeBegin : InMessageRule
{
    public override string Code => "CS003";

    public override string Description =>
        "A filled end date is on or after the begin date of the same period (products and Contact/Periode).";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW315, JW317];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        foreach (var p in MessageParts.ProductPeriods(message).Where(p => p.Einddatum < p.Ingangsdatum))
        {
            yield return At($"{p.Path}/{MessageParts.EinddatumName(p)}", $"The end date lies before {MessageParts.IngangsdatumName(p)}");
        }

        foreach (var c in MessageParts.Contacts(message).Where(c => c.Periode is { Begindatum: { } b, Einddatum: { } e } && e < b))
        {
            yield return At(c, "Periode/Einddatum", "Periode/Einddatum lies before Periode/Begindatum");
        }
    }
}
