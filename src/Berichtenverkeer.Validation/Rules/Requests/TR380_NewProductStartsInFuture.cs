using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Requests;

/// <remarks>
/// [UNSURE] scope: only NieuwProduct/GewensteIngangsdatum. A TeWijzigenProduct may legitimately ask for its
/// original Ingangsdatum in the past (TR357/TR373), so TR380 cannot apply there.
/// </remarks>
public sealed class TR380_NewProductStartsInFuture : InMessageRule
{
    public override string Code => "TR380";

    public override string Description => "NieuwProduct/GewensteIngangsdatum lies after the Dagtekening.";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw317Message m
            ? m.Client.Verzoek.NieuweProducten
                .Where(p => p.GewensteIngangsdatum <= m.Header.Dagtekening)
                .Select(p => At(p, "GewensteIngangsdatum", "A new product must be requested from a date after the Dagtekening"))
            : [];
}
