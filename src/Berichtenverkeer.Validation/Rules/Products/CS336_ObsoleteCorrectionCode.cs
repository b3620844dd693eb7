using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Products;

public sealed class CS336_ObsoleteCorrectionCode : InMessageRule
{
    public override string Code => "CS336";

    public override string Description => "RedenWijziging 01 (obsolete administrative correction) is not used.";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw301Message m
            ? m.Client.ToegewezenProducten
                .Where(p => p.RedenWijziging == RedenWijziging.AdministratieveCorrectieVervallen)
                .Select(p => At(p, "RedenWijziging", "RedenWijziging 01 is obsolete; use 14 for an administrative correction"))
            : [];
}
