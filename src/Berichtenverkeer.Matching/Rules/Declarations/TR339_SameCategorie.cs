using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR339_SameCategorie : AssignmentPrestatieRule
{
    public override string Code => "TR339";

    public override string Retourcode => "9339";

    public override string Description => "When the assignment has a Product/Categorie, ProductCategorie equals it.";

    protected override bool Holds(DeclaredPrestatie subject, AssignmentRecord assignment, MatchContext context) =>
        assignment.Product is null || assignment.Product.Categorie == subject.Prestatie.ProductCategorie;
}
