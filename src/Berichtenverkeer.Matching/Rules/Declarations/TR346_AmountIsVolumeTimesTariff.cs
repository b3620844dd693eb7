using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.Volume;

namespace Berichtenverkeer.Matching.Rules.Declarations;

/// <remarks>
/// IV081: minutes against an hourly contract tariff are billed as round_half_up(hourly × minutes / 60), not with the
/// rounded per-minute ProductTarief. With the contract we know the hourly tariff; without it, any hourly tariff that
/// rounds to the declared per-minute tariff is accepted.
/// </remarks>
public sealed class TR346_AmountIsVolumeTimesTariff : PrestatieRule
{
    public override string Code => "TR346";

    public override string Retourcode => "9346";

    public override int Level => 4;

    public override string Description => "When Eenheid ≠ 83, IngediendBedrag = GeleverdVolume × ProductTarief (IV081 for minutes).";

    protected override bool Holds(DeclaredPrestatie subject, MatchContext context)
    {
        var p = subject.Prestatie;
        if (p.Eenheid == Eenheid.Euros || p.ProductTarief is not { } tarief)
        {
            return true;
        }

        var bedrag = p.IngediendBedrag.Waarde;
        if (p.Eenheid != Eenheid.Minuut)
        {
            return bedrag == p.GeleverdVolume * tarief;
        }

        var contract = context.Reference.ContractFor(context.Gemeente, context.Agb, p.ProductCategorie, p.ProductCode, p.ProductPeriode.Begindatum);
        if (contract is { Eenheid: Eenheid.Uur })
        {
            return bedrag == VolumeMath.RoundHalfUp(contract.Tarief * p.GeleverdVolume, 60);
        }

        if (bedrag == p.GeleverdVolume * tarief)
        {
            return true;
        }

        for (var hourly = Math.Max(0, (tarief * 60) - 30); hourly < (tarief * 60) + 30; hourly++)
        {
            if (VolumeMath.RoundHalfUp(hourly, 60) == tarief && VolumeMath.RoundHalfUp(hourly * p.GeleverdVolume, 60) == bedrag)
            {
                return true;
            }
        }

        return false;
    }
}
