using System.Reflection;
using System.Text;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Validation.Rules;
using Berichtenverkeer.Validation.Tests.Support;
using Xunit.Abstractions;

namespace Berichtenverkeer.Validation.Tests.Level2;

/// <summary>Guards that the catalog holds the rules of rules.md §2–§3 and that each has a passing and a failing test.</summary>
public sealed class RuleCoverageTests(ITestOutputHelper output)
{
    /// <summary>Every level-2 rule of rules.md: §2 (technical rules) and §3 (conditions and constraints).</summary>
    private static readonly string[] SpecifiedRules =
    [
        "TR002", "TR006", "TR018", "TR061", "TR101", "TR134", "TR137", "TR302", "TR315", "TR316", "TR335", "TR342",
        "TR352", "TR353", "TR358", "TR377", "TR380", "TR383", "TR386", "TR409", "TR410", "TR416",
        "CS002", "CS003", "CS050", "CS058", "CS089", "CS100", "CS139", "CS318", "CS319", "CS325", "CS335", "CS336",
        "CS337", "CS338", "CS339", "CS340", "CS343",
        "CD005", "CD007", "CD009", "CD025", "CD034", "CD041", "CD043", "CD060", "CD066", "CD067", "CD068", "CD075",
        "CD076", "CD077", "CD078", "CD079", "CD080", "CD085", "CD086", "CD087", "CD095", "CD096",
    ];

    private static List<(MethodInfo Test, CoversRuleAttribute Mark)> Marks() =>
        typeof(RuleCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .SelectMany(m => m.GetCustomAttributes<CoversRuleAttribute>().Select(a => (m, a)))
            .ToList();

    [Fact]
    public void catalog_holds_exactly_the_level_2_rules_of_the_spec()
    {
        var codes = RuleCatalog.Default.All.Select(r => r.Code).ToList();

        Assert.Equal(61, SpecifiedRules.Length);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(SpecifiedRules.Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void every_rule_describes_itself_applies_to_heen_messages_and_answers_0001()
    {
        Assert.All(RuleCatalog.Default.All, rule =>
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Description), rule.Code);
            Assert.NotEmpty(rule.Messages);
            Assert.DoesNotContain(rule.Messages, t => t.IsRetour);
            Assert.Equal("0001", rule.Retourcode);
            Assert.Same(rule, RuleCatalog.Default[rule.Code]);
        });
    }

    [Fact]
    public void retours_have_no_level_2_rules()
    {
        // rules.md §3.9: only XSD restrictions apply to the retour messages.
        Assert.All(MessageTypes.All.Where(t => t.IsRetour), t => Assert.Empty(RuleCatalog.Default.For(t)));
    }

    [Fact]
    public void every_rule_in_the_catalog_has_a_passing_and_a_failing_test()
    {
        var marks = Marks();
        var table = new StringBuilder("rule   passing failing").AppendLine();
        var missing = new List<string>();
        foreach (var rule in RuleCatalog.Default.All)
        {
            var passing = marks.Count(m => m.Mark.Code == rule.Code && m.Mark.Outcome == RuleOutcome.Passes);
            var failing = marks.Count(m => m.Mark.Code == rule.Code && m.Mark.Outcome == RuleOutcome.Fails);
            table.AppendLine($"{rule.Code}  {passing,7} {failing,7}");
            if (passing == 0)
            {
                missing.Add($"{rule.Code} has no passing test");
            }

            if (failing == 0)
            {
                missing.Add($"{rule.Code} has no failing test");
            }
        }

        output.WriteLine(table.ToString());
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void every_rule_mark_names_a_catalog_rule_and_sits_on_a_test_named_after_it()
    {
        var known = RuleCatalog.Default.All.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        Assert.All(Marks(), m =>
        {
            Assert.Contains(m.Mark.Code, known);
            Assert.True(
                m.Test.GetCustomAttributes<FactAttribute>(inherit: true).Any() || m.Test.GetCustomAttributes().Any(a => a.GetType().Name == "PropertyAttribute"),
                $"{m.Test.Name} is marked for {m.Mark.Code} but is no test");
            var codes = m.Test.GetCustomAttributes<CoversRuleAttribute>().Select(a => a.Code.ToLowerInvariant());
            Assert.True(codes.Any(c => m.Test.Name.StartsWith(c, StringComparison.Ordinal)), $"{m.Test.Name} should be named after the rule it covers");
        });
    }
}
