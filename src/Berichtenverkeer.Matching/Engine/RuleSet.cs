using System.Collections.Concurrent;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.Rules;

namespace Berichtenverkeer.Matching.Engine;

/// <summary>Every level-3/4 rule in this assembly, found by reflection, selected per message type and subject.</summary>
public sealed class RuleSet
{
    private readonly ConcurrentDictionary<(MessageType, Type), object> _cache = new();

    private RuleSet(IReadOnlyList<MatchingRule> rules) => All = rules;

    public static RuleSet Default { get; } = new(Discover());

    public IReadOnlyList<MatchingRule> All { get; }

    public IReadOnlyList<MatchingRule> this[string code] => All.Where(r => r.Code == code).ToList();

    /// <summary>The rules for subjects of type <typeparamref name="T"/> in a message of <paramref name="type"/>, in code order.</summary>
    public IReadOnlyList<ISubjectRule<T>> For<T>(MessageType type) =>
        (IReadOnlyList<ISubjectRule<T>>)_cache.GetOrAdd((type, typeof(T)), key => All
            .Where(r => r.Messages.Contains(key.Item1) && r.SubjectType.IsAssignableFrom(key.Item2))
            .Cast<ISubjectRule<T>>()
            .ToList());

    private static List<MatchingRule> Discover() =>
        typeof(RuleSet).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(MatchingRule)))
            .Select(t => (MatchingRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
}
