using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR384_NotOnDeletedAssignment : AssignmentPrestatieRule
{
    public override string Code => "TR384";

    public override string Retourcode => "9384";

    public override string Description => "No declaring on an assignment whose latest version has RedenWijziging 13 (deleted).";

    protected override bool Holds(DeclaredPrestatie subject, AssignmentRecord assignment, MatchContext context) =>
        assignment.RedenWijziging != RedenWijziging.Verwijderd;
}
