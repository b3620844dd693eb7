using System.Reflection;
using System.Text.RegularExpressions;
using Berichtenverkeer.Matching.Engine;
using Xunit.Abstractions;

namespace Berichtenverkeer.Matching.Tests.Guard;

/// <summary>
/// Every rule code of <see cref="RuleSet.Default"/> has a passing test (<c>trNNN_…_passes</c>) and a failing test
/// (<c>trNNN_…_gets_&lt;retourcode&gt;</c>, "n.v.t." written "nvt"): a new rule without tests fails the build.
/// </summary>
public partial class RuleCoverageTests(ITestOutputHelper output)
{
    [Fact]
    public void every_rule_code_has_a_passing_and_a_failing_test()
    {
        var tests = typeof(RuleCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any())
            .Select(m => m.Name)
            .ToList();
        var rules = RuleSet.Default.All.ToLookup(r => r.Code);
        var codes = RuleSet.Default.All.Select(r => r.Code).Distinct().Order(StringComparer.Ordinal).ToList();

        var problems = new List<string>();
        foreach (var code in codes)
        {
            var prefix = code.ToLowerInvariant() + "_";
            var mine = tests.Where(t => t.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var retourcodes = rules[code].Select(r => r.Retourcode.Replace(".", string.Empty, StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!mine.Any(t => t.EndsWith("_passes", StringComparison.Ordinal)))
            {
                problems.Add($"{code}: no passing test ({prefix}…_passes)");
            }

            if (!mine.Any(t => Failing().Match(t) is { Success: true } m && retourcodes.Contains(m.Groups[1].Value)))
            {
                problems.Add($"{code}: no failing test ({prefix}…_gets_{string.Join("|", retourcodes)})");
            }
        }

        var unknown = tests.Select(t => RuleTest().Match(t)).Where(m => m.Success).Select(m => m.Groups[1].Value.ToUpperInvariant()).Distinct()
            .Where(c => !rules.Contains(c));
        problems.AddRange(unknown.Select(c => $"{c}: tests named after a code no rule has"));

        output.WriteLine($"{codes.Count} rule codes ({RuleSet.Default.All.Count} rule classes), {tests.Count(t => RuleTest().IsMatch(t))} rule tests: {string.Join(" ", codes)}");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void failing_tests_name_a_retourcode_of_their_rule()
    {
        var rules = RuleSet.Default.All.ToLookup(r => r.Code);
        var wrong = typeof(RuleCoverageTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(m => m.Name)
            .Where(n => RuleTest().IsMatch(n) && Failing().IsMatch(n))
            .Where(n =>
            {
                var code = RuleTest().Match(n).Groups[1].Value.ToUpperInvariant();
                var named = Failing().Match(n).Groups[1].Value;
                return !rules[code].Any(r => string.Equals(r.Retourcode.Replace(".", string.Empty, StringComparison.Ordinal), named, StringComparison.OrdinalIgnoreCase));
            })
            .ToList();

        Assert.Empty(wrong);
    }

    [GeneratedRegex("^(tr\\d{3})_")]
    private static partial Regex RuleTest();

    [GeneratedRegex("_gets_([0-9A-Za-z]+)$")]
    private static partial Regex Failing();
}
