using Berichtenverkeer.Ijw.Verdicts;
using Berichtenverkeer.Matching.Engine;

namespace Berichtenverkeer.Matching.Tests.Support;

/// <summary>Assertions on verdicts that print the whole verdict when they fail.</summary>
public static class Expect
{
    /// <summary>No header code, no class code, no finding.</summary>
    public static void Clean(Processed processed)
    {
        Assert.Equal("clean", Describe(processed.Verdict));
        Assert.Empty(processed.Findings);
    }

    /// <summary>Exactly these header codes and nothing on any class (an answer that is header only).</summary>
    public static void Header(Processed processed, params string[] codes) =>
        Assert.Equal(Format([("header", codes)]), Describe(processed.Verdict));

    /// <summary>The codes land on exactly this class and the rest of the message gets none.</summary>
    public static void Only(Processed processed, string path, params string[] codes) =>
        Assert.Equal(Format([(path, codes)]), Describe(processed.Verdict));

    /// <summary>Exactly these classes carry exactly these codes.</summary>
    public static void Classes(Processed processed, params (string Path, string[] Codes)[] expected) =>
        Assert.Equal(Format(expected), Describe(processed.Verdict));

    /// <summary>The rule (by TR code) was found failing at <paramref name="path"/>.</summary>
    public static RuleFinding Finding(Processed processed, string rule, string path) =>
        Assert.Single(processed.Findings, f => f.Rule == rule && f.Path == path);

    public static string Describe(Verdict verdict)
    {
        var parts = new List<(string, IEnumerable<string>)>();
        if (verdict.HeaderCodes.Count > 0)
        {
            parts.Add(("header", verdict.HeaderCodes));
        }

        parts.AddRange(verdict.ClassCodes.Select(c => (c.Key, (IEnumerable<string>)c.Value)));
        return parts.Count == 0 ? "clean" : Format(parts);
    }

    private static string Format(IEnumerable<(string Path, IEnumerable<string> Codes)> parts) =>
        string.Join(" | ", parts.OrderBy(p => p.Path, StringComparer.Ordinal).Select(p => $"{p.Path}: {string.Join(",", p.Codes.Order(StringComparer.Ordinal))}"));

    private static string Format((string Path, string[] Codes)[] parts) =>
        parts.Length == 0 ? "clean" : Format(parts.Select(p => (p.Path, (IEnumerable<string>)p.Codes)));
}
