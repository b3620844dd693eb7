using Berichtenverkeer.Ijw.Catalog;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Requests;

public sealed class CD066_VerwijzerNaamEmptyWithCode : VerwijzerRule
{
    public override string Code => "CD066";

    public override string Description => "Verwijzer/Naam is empty when Type is 02–05 and ZorgverlenerCode is filled.";

    public override IReadOnlyList<MessageType> Messages => [JW315];

    protected override string? Problem(Ijw.Model.Verwijzer v) =>
        IsProfessional(v) && v.ZorgverlenerCode is not null && v.Naam is not null ? "Give the referrer's AGB code or name, not both" : null;
}
