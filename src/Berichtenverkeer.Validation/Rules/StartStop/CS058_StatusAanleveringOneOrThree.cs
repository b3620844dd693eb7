using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.StartStop;

public sealed class CS058_StatusAanleveringOneOrThree : InMessageRule
{
    public override string Code => "CS058";

    public override string Description => "StatusAanlevering is 1 (first delivery) or 3 (delete) in a start or stop (OP033x2).";

    public override IReadOnlyList<MessageType> Messages => [JW305, JW307];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        RegieProducts(message)
            .Where(p => p.StatusAanlevering is not (StatusAanlevering.Eerste or StatusAanlevering.Verwijderen))
            .Select(p => At(p, "StatusAanlevering", $"StatusAanlevering {p.StatusAanlevering} is not allowed; use 1 or 3"));

    internal static IEnumerable<RegieProduct> RegieProducts(IjwMessage message) => message switch
    {
        Jw305Message m => m.Client.Products,
        Jw307Message m => m.Client.Products,
        _ => [],
    };
}
