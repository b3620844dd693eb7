using Berichtenverkeer.Matching.Engine;

namespace Berichtenverkeer.Matching.Tests.Guard;

/// <summary>Every rule carries the retourcode, control level and messages of codelists.md §1 (WJ001) and rules.md §4–§5.</summary>
public class RuleCatalogTests
{
    private const string All = "JW301 JW305 JW307 JW315 JW317 JW319 JW323 JW325";

    /// <summary>Rule → retourcode, level, raised on.</summary>
    public static TheoryData<string, string, int, string> Wj001 => new()
    {
        { "TR418", "0611", 3, "JW323" },
        { "TR323", "8017", 3, "JW323" },
        { "TR314", "8021", 3, "JW323" },
        { "TR304", "8187", 3, "JW317 JW323 JW325" },
        { "TR318", "8214", 3, "JW323" },
        { "TR135", "8848", 4, All },
        { "TR019", "9019", 3, "JW305 JW307" },
        { "TR056", "9056", 3, All },
        { "TR063", "9063", 3, "JW305 JW307" },
        { "TR382", "9069", 3, "JW307" },
        { "TR071", "9071", 3, "JW305" },
        { "TR074", "9074", 3, "JW305 JW307" },
        { "TR307", "9307", 3, "JW323" },
        { "TR308", "9308", 3, "JW323" },
        { "TR319", "9319", 3, "JW323" },
        { "TR321", "9321", 3, "JW323" },
        { "TR322", "9322", 3, "JW323" },
        { "TR326", "9326", 3, "JW305" },
        { "TR332", "9332", 3, "JW301" },
        { "TR333", "9333", 3, "JW323" },
        { "TR338", "9338", 3, "JW323" },
        { "TR339", "9339", 3, "JW323" },
        { "TR340", "9340", 3, "JW323" },
        { "TR341", "9341", 3, "JW323" },
        { "TR346", "9346", 4, "JW323" },
        { "TR347", "9347", 3, "JW315 JW317" },
        { "TR349", "9349", 3, "JW317" },
        { "TR350", "9350", 3, "JW317" },
        { "TR351", "9351", 3, "JW317" },
        { "TR355", "9355", 3, "JW319" },
        { "TR357", "9357", 3, "JW317" },
        { "TR359", "9359", 3, "JW319" },
        { "TR360", "9360", 3, "JW319" },
        { "TR361", "9361", 3, "JW317" },
        { "TR365", "9365", 3, "JW319" },
        { "TR366", "9366", 3, "JW325" },
        { "TR367", "9367", 3, "JW325" },
        { "TR369", "9369", 3, "JW323" },
        { "TR373", "9373", 3, "JW317" },
        { "TR374", "9374", 3, "JW315 JW317" },
        { "TR375", "9375", 3, "JW317" },
        { "TR379", "9379", 3, "JW301" },
        { "TR384", "9384", 3, "JW323" },
        { "TR385", "9385", 3, "JW301" },
        { "TR387", "9387", 3, "JW323" },
        { "TR388", "9388", 3, "JW323" },
        { "TR389", "9389", 3, "JW323" },
        { "TR390", "9390", 3, "JW323" },
        { "TR411", "9411", 3, "JW317" },
        { "TR412", "9412", 3, "JW317" },
        { "TR413", "9413", 3, "JW307" },
        { "TR414", "9414", 3, "JW307" },
        { "TR415", "9415", 3, "JW307" },
        { "TR378", "S300", 4, All },
        { "TR381", "S329", 4, "JW301 JW305 JW307 JW315 JW317 JW323" },
        { "TR337", "n.v.t.", 3, "JW325" },
        { "TR371", "n.v.t.", 3, "JW325" },
        { "TR376", "n.v.t.", 3, "JW325" },
    };

    [Theory]
    [MemberData(nameof(Wj001))]
    public void rule_has_the_retourcode_level_and_messages_of_the_spec(string code, string retourcode, int level, string messages)
    {
        var rules = RuleSet.Default[code];

        Assert.NotEmpty(rules);
        Assert.All(rules, r => Assert.Equal((retourcode, level), (r.Retourcode, r.Level)));
        Assert.Equal(
            messages.Split(' ').Order(StringComparer.Ordinal),
            rules.SelectMany(r => r.Messages).Select(m => m.Name).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void the_spec_table_lists_every_rule_code()
    {
        var listed = Wj001.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(listed.Order(StringComparer.Ordinal), RuleSet.Default.All.Select(r => r.Code).Distinct().Order(StringComparer.Ordinal));
    }
}
