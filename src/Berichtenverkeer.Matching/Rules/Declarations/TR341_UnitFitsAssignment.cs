using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Matching.Rules.Declarations;

/// <remarks>Without an Omvang (aspecific, generic) the unit must fit the contract; without contract data that part is not checked.</remarks>
public sealed class TR341_UnitFitsAssignment : AssignmentPrestatieRule
{
    public override string Code => "TR341";

    public override string Retourcode => "9341";

    public override string Description => "Eenheid equals the assigned Eenheid (hours may be declared in minutes).";

    protected override bool Holds(DeclaredPrestatie subject, AssignmentRecord assignment, MatchContext context)
    {
        var p = subject.Prestatie;
        var expected = assignment.Omvang?.Eenheid
            ?? context.Reference.ContractFor(context.Gemeente, context.Agb, p.ProductCategorie, p.ProductCode, p.ProductPeriode.Begindatum)?.Eenheid;
        return expected is null || Fits(p.Eenheid, expected);
    }

    internal static bool Fits(string declared, string assigned) =>
        declared == assigned || (assigned == Eenheid.Uur && declared == Eenheid.Minuut);
}
