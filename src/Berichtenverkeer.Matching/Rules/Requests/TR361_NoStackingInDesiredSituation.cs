using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Requests;

/// <remarks>
/// The desired situation ([DERIVED]): an unchanged product keeps the assignment's product and period; a product
/// to change keeps its product and Ingangsdatum with the new Einddatum when given; a new product is as requested.
/// </remarks>
public sealed class TR361_NoStackingInDesiredSituation : MatchingRule<Verzoek>
{
    public override string Code => "TR361";

    public override string Retourcode => "9361";

    public override string Description => "No two products of the desired situation conflict (same product, overlapping periods).";

    public override IReadOnlyList<MessageType> Messages => [JW317];

    public override bool Passes(Verzoek subject, MatchContext context)
    {
        var desired = new List<(Product? Product, DateOnly Begin, DateOnly? End)>();
        foreach (var p in subject.OngewijzigdeProducten)
        {
            if (context.Assignment(p.ToewijzingNummer) is { } a)
            {
                desired.Add((a.Product, a.Ingangsdatum, a.Einddatum));
            }
        }

        foreach (var p in subject.TeWijzigenProducten)
        {
            if (context.Assignment(p.ToewijzingNummer) is { } a)
            {
                desired.Add((a.Product, a.Ingangsdatum, p.Einddatum ?? a.Einddatum));
            }
        }

        desired.AddRange(subject.NieuweProducten.Select(p => (p.Product, p.GewensteIngangsdatum, p.Einddatum)));
        for (var i = 0; i < desired.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (ProductConflict.Conflicts(desired[i].Product, desired[i].Begin, desired[i].End, desired[j].Product, desired[j].Begin, desired[j].End))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
