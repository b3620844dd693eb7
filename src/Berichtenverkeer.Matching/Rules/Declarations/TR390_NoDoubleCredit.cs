using Berichtenverkeer.Matching.Engine;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR390_NoDoubleCredit : PrestatieRule
{
    public override string Code => "TR390";

    public override string Retourcode => "9390";

    public override string Description => "No credit for the same debit exists yet (OP360).";

    public override bool AppliesToCredit => true;

    public override bool AppliesToDebit => false;

    protected override bool Holds(DeclaredPrestatie subject, MatchContext context) =>
        subject.Prestatie.VorigReferentieNummer is not { } vorig || !context.PrestatiesCrediting(vorig).Any(c => c.Approved);
}
