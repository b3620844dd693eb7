using System.Collections.Frozen;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Validation.Rules;

/// <summary>Every level-2 rule in this assembly, indexed by message type. Found by reflection so none is left out.</summary>
public sealed class RuleCatalog
{
    private readonly FrozenDictionary<MessageType, InMessageRule[]> _byMessage;

    private RuleCatalog(IReadOnlyList<InMessageRule> rules)
    {
        All = rules;
        _byMessage = MessageTypes.All.ToFrozenDictionary(t => t, t => rules.Where(r => r.Messages.Contains(t)).ToArray());
    }

    public static RuleCatalog Default { get; } = new(Discover());

    public IReadOnlyList<InMessageRule> All { get; }

    public IReadOnlyList<InMessageRule> For(MessageType type) => _byMessage[type];

    public InMessageRule this[string code] => All.First(r => r.Code == code);

    private static List<InMessageRule> Discover() =>
        typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(InMessageRule)))
            .Select(t => (InMessageRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
}
