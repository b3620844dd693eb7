namespace Berichtenverkeer.Ijw.Verdicts;

/// <summary>
/// The outcome of checking one heen-message at levels 2–4, in the terms an answer needs (IV028/IV032, IV087/IV088):
/// a level-2 rejection (0001), header codes, or codes per berichtklasse keyed by the class's element path.
/// Answers (JW302…JW320, JW325) are built from it; signals never change it (OP364/OP095).
/// </summary>
public sealed record Verdict
{
    public static Verdict Accepted { get; } = new();

    /// <summary>Level 2 failed: the answer carries only the header with 0001; the rule codes are for people and audit.</summary>
    public bool TechnicallyRejected { get; init; }

    /// <summary>The level-2 rules that failed, when <see cref="TechnicallyRejected"/>.</summary>
    public IReadOnlyList<string> Level2Rules { get; init; } = [];

    /// <summary>Level-3/4 codes found on the header (9056, 8848, S300): the answer is header only.</summary>
    public IReadOnlyList<string> HeaderCodes { get; init; } = [];

    /// <summary>Level-3/4 rule codes per class path, e.g. "/Bericht/Client/StartProducten/StartProduct[2]" → ["9063"].</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ClassCodes { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Classes that were not assessed (0233), e.g. when processing stopped early.</summary>
    public IReadOnlySet<string> NotAssessed { get; init; } = new HashSet<string>();

    /// <summary>True when nothing at all was found: the retour is header only without codes.</summary>
    public bool IsClean => !TechnicallyRejected && HeaderCodes.Count == 0 && ClassCodes.Count == 0;

    public static Verdict Level2(IReadOnlyList<string> rules) => new() { TechnicallyRejected = true, Level2Rules = rules };

    public IReadOnlyList<string> CodesFor(string path) => ClassCodes.TryGetValue(path, out var codes) ? codes : [];

    /// <summary>Every rule code found, for audit and metrics.</summary>
    public IEnumerable<string> AllCodes => TechnicallyRejected
        ? Level2Rules
        : HeaderCodes.Concat(ClassCodes.Values.SelectMany(c => c)).Distinct();
}
