using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Validation.Rules;

/// <summary>Where and why a message breaks a rule. Never carries a BSN or other personal value.</summary>
public sealed record Violation(string Path, string Message);

/// <summary>
/// A control-level-2 rule: checkable within one message, reported with retourcode 0001 (IV032).
/// One class per iJw code, named after it, so rules.md and this folder can be read side by side.
/// </summary>
public abstract class InMessageRule
{
    /// <summary>The iJw code: TRxxx, CDxxx or CSxxx.</summary>
    public abstract string Code { get; }

    /// <summary>The rule in one sentence, as rules.md states it.</summary>
    public abstract string Description { get; }

    /// <summary>The messages the spec attaches the rule to.</summary>
    public abstract IReadOnlyList<MessageType> Messages { get; }

    /// <summary>Every level-2 failure yields 0001.</summary>
    public string Retourcode => Ijw.Catalog.Retourcode.Technisch;

    public abstract IEnumerable<Violation> Check(IjwMessage message);

    protected static Violation At(IjwClass owner, string field, string message) => new($"{owner.Path}/{field}", message);

    protected static Violation At(string path, string message) => new(path, message);
}
