using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.Engine;

namespace Berichtenverkeer.Matching.Rules;

/// <summary>
/// A control-level-3 (across messages) or level-4 (external source) technical rule, named after its TR code,
/// carrying the WJ001 retourcode it puts on the class where it fails (rules.md §4, §5).
/// </summary>
public abstract class MatchingRule
{
    /// <summary>TRxxx.</summary>
    public abstract string Code { get; }

    /// <summary>The WJ001 code, or "n.v.t." for the JW325 checks that have none.</summary>
    public abstract string Retourcode { get; }

    /// <summary>3 = across messages, 4 = external source.</summary>
    public virtual int Level => 3;

    public abstract string Description { get; }

    public abstract IReadOnlyList<MessageType> Messages { get; }

    internal abstract Type SubjectType { get; }
}

/// <summary>A rule as the engine applies it; contravariant so a rule over a base type serves every subclass.</summary>
public interface ISubjectRule<in TSubject>
{
    MatchingRule Rule { get; }

    bool Passes(TSubject subject, MatchContext context);
}

/// <summary>A rule over one kind of class (the subject): a ToegewezenProduct, a StartProduct, a Prestatie …</summary>
public abstract class MatchingRule<TSubject> : MatchingRule, ISubjectRule<TSubject>
{
    internal override Type SubjectType => typeof(TSubject);

    public MatchingRule Rule => this;

    /// <summary>True when <paramref name="subject"/> satisfies the rule. Rules whose source is missing pass (OP095).</summary>
    public abstract bool Passes(TSubject subject, MatchContext context);
}
