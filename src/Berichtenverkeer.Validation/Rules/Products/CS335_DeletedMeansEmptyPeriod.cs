using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class CS335_DeletedMeansEmptyPeriod : InMessageRule
{
    public override string Code => "CS335";

    public override string Description => "RedenWijziging 13 (deleted) only when Ingangsdatum = Einddatum.";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw301Message m
            ? m.Client.ToegewezenProducten
                .Where(p => p.RedenWijziging == RedenWijziging.Verwijderd && p.Einddatum != p.Ingangsdatum)
                .Select(p => At(p, "RedenWijziging", "RedenWijziging 13 (deleted) requires Einddatum equal to Ingangsdatum"))
            : [];
}
