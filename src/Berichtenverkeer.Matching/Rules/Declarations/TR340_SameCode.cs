using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR340_SameCode : AssignmentPrestatieRule
{
    public override string Code => "TR340";

    public override string Retourcode => "9340";

    public override string Description => "When the assignment has a Product/Code, ProductCode equals it.";

    protected override bool Holds(DeclaredPrestatie subject, AssignmentRecord assignment, MatchContext context) =>
        assignment.Product?.Code is null || assignment.Product.Code == subject.Prestatie.ProductCode;
}
