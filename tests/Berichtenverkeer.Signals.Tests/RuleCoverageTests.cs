using System.Reflection;

namespace Berichtenverkeer.Signals.Tests;

/// <summary>Guard: every rule of the engine has a test that expects its signal and one that expects none, named after its id.</summary>
public class RuleCoverageTests
{
    // FR21 cannot run on any input the gateway holds (no Geboortedatum in the state records): one test proves that.
    private static readonly HashSet<string> CannotRunByDesign = new(StringComparer.Ordinal) { "FR21" };

    [Fact]
    public void Every_rule_has_a_positive_and_a_negative_test_named_after_it()
    {
        var tests = typeof(RuleCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
            .Select(m => m.Name)
            .ToList();
        var missing = new SignalEngine().Rules
            .Select(r => r.Info.Id)
            .Where(id => tests.Count(n => n.StartsWith(id.Replace('-', '_') + "_", StringComparison.Ordinal)) < (CannotRunByDesign.Contains(id) ? 1 : 2))
            .ToList();
        Assert.Empty(missing);
    }
}
