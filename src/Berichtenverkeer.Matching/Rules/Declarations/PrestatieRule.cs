using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.Declarations;

/// <summary>
/// A rule on one prestatie of a JW323. A credit may be rejected only technically (IV085), so only TR314, TR323 and
/// TR390 look at credits ([DERIVED] rules.md §4.6); the rest judge debits against their assignment.
/// </summary>
public abstract class PrestatieRule : MatchingRule<DeclaredPrestatie>
{
    public override IReadOnlyList<MessageType> Messages => [JW323];

    public virtual bool AppliesToCredit => false;

    public virtual bool AppliesToDebit => true;

    public sealed override bool Passes(DeclaredPrestatie subject, MatchContext context) =>
        !(subject.Prestatie.IsCredit ? AppliesToCredit : AppliesToDebit) || Holds(subject, context);

    protected abstract bool Holds(DeclaredPrestatie subject, MatchContext context);
}

/// <summary>A debit rule that compares the prestatie with the assignment it names; without that assignment TR338 speaks.</summary>
public abstract class AssignmentPrestatieRule : PrestatieRule
{
    protected sealed override bool Holds(DeclaredPrestatie subject, MatchContext context) =>
        context.Assignment(subject.Prestatie.ToewijzingNummer) is not { } assignment || Holds(subject, assignment, context);

    protected abstract bool Holds(DeclaredPrestatie subject, AssignmentRecord assignment, MatchContext context);
}
