using Berichtenverkeer.Matching.Engine;

namespace Berichtenverkeer.Matching.Rules.Declarations;

/// <remarks>Every prestatie of a received declaration counts, approved or rejected: its number was delivered.</remarks>
public sealed class TR314_UniqueReferentieNummer : PrestatieRule
{
    public override string Code => "TR314";

    public override string Retourcode => "8021";

    public override string Description => "ReferentieNummer is unique for the provider, within this message and over all earlier ones.";

    public override bool AppliesToCredit => true;

    protected override bool Holds(DeclaredPrestatie subject, MatchContext context) =>
        context.PrestatiesWithReferentie(subject.Prestatie.ReferentieNummer).Count == 0;
}
