using Berichtenverkeer.Ijw.Catalog;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Requests;

public sealed class CD068_NoZorgverlenerCodeForOthers : VerwijzerRule
{
    public override string Code => "CD068";

    public override string Description => "Verwijzer/ZorgverlenerCode is empty when Type is not 02–05.";

    public override IReadOnlyList<MessageType> Messages => [JW315];

    protected override string? Problem(Ijw.Model.Verwijzer v) =>
        !IsProfessional(v) && v.ZorgverlenerCode is not null ? $"A referrer of type {v.Type} has no ZorgverlenerCode" : null;
}
