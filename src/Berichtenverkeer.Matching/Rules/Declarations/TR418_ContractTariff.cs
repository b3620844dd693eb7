using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.Volume;

namespace Berichtenverkeer.Matching.Rules.Declarations;

/// <remarks>
/// Needs contract data. When the municipality has contracts but none covers this provider, product and period,
/// no tariff can match and the prestatie gets 0611. A municipality without contract data is not checked.
/// </remarks>
public sealed class TR418_ContractTariff : PrestatieRule
{
    public override string Code => "TR418";

    public override string Retourcode => "0611";

    public override string Description =>
        "ProductTarief equals the contract tariff per unit; minutes against an hourly tariff: hourly / 60 rounded half up (IV081).";

    protected override bool Holds(DeclaredPrestatie subject, MatchContext context)
    {
        var p = subject.Prestatie;
        if (p.Eenheid == Eenheid.Euros || !context.Reference.HasContracts(context.Gemeente))
        {
            return true;
        }

        var contract = context.Reference.ContractFor(context.Gemeente, context.Agb, p.ProductCategorie, p.ProductCode, p.ProductPeriode.Begindatum);
        if (contract is null)
        {
            return false;
        }

        var expected = contract.Eenheid == Eenheid.Uur && p.Eenheid == Eenheid.Minuut
            ? VolumeMath.RoundHalfUp(contract.Tarief, 60)
            : contract.Tarief;
        return p.ProductTarief == expected;
    }
}
