using Berichtenverkeer.Ijw.Catalog;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Requests;

public sealed class CD067_VerwijzerNaamWithoutCode : VerwijzerRule
{
    public override string Code => "CD067";

    public override string Description => "Verwijzer/Naam is filled when Type is 02–05 and ZorgverlenerCode is empty.";

    public override IReadOnlyList<MessageType> Messages => [JW315];

    protected override string? Problem(Ijw.Model.Verwijzer v) =>
        IsProfessional(v) && v.ZorgverlenerCode is null && v.Naam is null ? $"A referrer of type {v.Type} needs an AGB code or a name" : null;
}
