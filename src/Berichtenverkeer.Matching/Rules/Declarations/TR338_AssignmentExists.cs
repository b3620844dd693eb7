using Berichtenverkeer.Matching.Engine;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR338_AssignmentExists : PrestatieRule
{
    public override string Code => "TR338";

    public override string Retourcode => "9338";

    public override string Description => "ToewijzingNummer refers to an assignment of this municipality to this provider (OP276).";

    protected override bool Holds(DeclaredPrestatie subject, MatchContext context) => context.Assignment(subject.Prestatie.ToewijzingNummer) is not null;
}
