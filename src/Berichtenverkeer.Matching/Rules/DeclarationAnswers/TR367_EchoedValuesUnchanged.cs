using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.DeclarationAnswers;

public sealed class TR367_EchoedValuesUnchanged : MatchingRule<EchoedPrestatie>
{
    public override string Code => "TR367";

    public override string Retourcode => "9367";

    public override string Description => "An echoed prestatie carries the values of the declared prestatie with the same ProductReferentie.";

    public override IReadOnlyList<MessageType> Messages => [JW325];

    public override bool Passes(EchoedPrestatie subject, MatchContext context)
    {
        var e = subject.Prestatie;
        var declared = context.State.AnsweredPrestaties.FirstOrDefault(p => p.ReferentieNummer == e.ReferentieNummer);
        return declared is null
            || (declared.VorigReferentieNummer == e.VorigReferentieNummer
                && declared.ToewijzingNummer == e.ToewijzingNummer
                && declared.ProductCategorie == e.ProductCategorie
                && declared.ProductCode == e.ProductCode
                && declared.ProductPeriode == e.ProductPeriode
                && declared.GeleverdVolume == e.GeleverdVolume
                && declared.Eenheid == e.Eenheid
                && declared.ProductTarief == e.ProductTarief
                && declared.Bedrag == e.IngediendBedrag.Waarde
                && declared.DebetCredit == e.IngediendBedrag.DebetCredit);
    }
}
