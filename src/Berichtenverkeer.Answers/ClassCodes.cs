using System.Text.RegularExpressions;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Verdicts;

namespace Berichtenverkeer.Answers;

/// <summary>
/// The codes of a <see cref="Verdict"/> placed on the classes of one message. A verdict path is matched after dropping
/// "[1]" indexes (so ".../StartProduct" and ".../StartProduct[1]" are the same element); a path below a class (a field of
/// it, present or missing) counts for that class, because the code belongs in the RetourCodes of the class where the error
/// was found (README §5). A path in the header, outside every class, or naming a class the message does not contain is
/// refused: dropping or moving such a code would misreport the outcome.
/// </summary>
internal sealed partial class ClassCodes
{
    private static readonly string[] NietBeoordeeld = [Retourcode.NietBeoordeeld];
    private static readonly string[] Akkoord = [Retourcode.Akkoord];

    private readonly Dictionary<string, List<string>> _codes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notAssessed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _classes;
    private readonly IReadOnlySet<string> _classNames;
    private readonly string _messageName;

    /// <param name="classPaths">The path of every class in the message (as <c>MessageNode.Path</c> writes it).</param>
    /// <param name="classNames">The element names that are classes in this message.</param>
    public ClassCodes(string messageName, IEnumerable<string> classPaths, IReadOnlySet<string> classNames, Verdict verdict)
    {
        _messageName = messageName;
        _classNames = classNames;
        _classes = classPaths.Select(Normalize).ToHashSet(StringComparer.Ordinal);

        foreach (var (path, codes) in verdict.ClassCodes)
        {
            var effective = codes.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
            if (effective.Count == 0)
            {
                continue;
            }

            var owner = Resolve(path);
            if (!_codes.TryGetValue(owner, out var list))
            {
                _codes[owner] = list = [];
            }

            list.AddRange(effective.Where(c => !list.Contains(c, StringComparer.Ordinal)));
        }

        foreach (var path in verdict.NotAssessed)
        {
            _notAssessed.Add(Resolve(path));
        }
    }

    /// <summary>True when at least one class carries a rule code.</summary>
    public bool Any => _codes.Count > 0;

    /// <summary>The rule codes on the class at <paramref name="classPath"/>; empty when it has none.</summary>
    public IReadOnlyList<string> CodesOf(string classPath) =>
        _codes.TryGetValue(Normalize(classPath), out var codes) ? codes : [];

    public bool IsNotAssessed(string classPath) => _notAssessed.Contains(Normalize(classPath));

    /// <summary>The rule codes, or 0233 when the class was not assessed, or 0200 (README §6.1 table, rules.md §10).</summary>
    public IReadOnlyList<string> RetourCodesOf(string classPath)
    {
        var key = Normalize(classPath);
        if (_codes.TryGetValue(key, out var codes))
        {
            return codes;
        }

        return _notAssessed.Contains(key) ? NietBeoordeeld : Akkoord;
    }

    /// <summary>The rule codes, else 0233 when not assessed, else empty: the class counts as rejected when non-empty.</summary>
    public IReadOnlyList<string> RejectionOf(string classPath)
    {
        var key = Normalize(classPath);
        if (_codes.TryGetValue(key, out var codes))
        {
            return codes;
        }

        return _notAssessed.Contains(key) ? NietBeoordeeld : [];
    }

    internal static string Normalize(string path) => FirstIndex().Replace(path.TrimEnd('/'), string.Empty);

    private string Resolve(string verdictPath)
    {
        var path = Normalize(verdictPath);
        if (path == "/Bericht/Header" || path.StartsWith("/Bericht/Header/", StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The verdict puts class codes on '{verdictPath}', which is in the header; header codes belong in Verdict.HeaderCodes.",
                nameof(verdictPath));
        }

        var owner = path;
        while (owner.Length > 0 && !_classes.Contains(owner))
        {
            owner = owner[..owner.LastIndexOf('/')];
        }

        if (owner.Length == 0)
        {
            throw new ArgumentException(
                $"The verdict path '{verdictPath}' lies in no class of this {_messageName} message.",
                nameof(verdictPath));
        }

        // Below the owning class the path may name a field (present or missing), never another class: one that existed
        // would have been the owner, so the verdict speaks of a class this message does not have.
        foreach (var segment in path[owner.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.IndexOf('[', StringComparison.Ordinal) is var i and >= 0 ? segment[..i] : segment;
            if (_classNames.Contains(name))
            {
                throw new ArgumentException(
                    $"The verdict path '{verdictPath}' names a {name} that this {_messageName} message does not contain.",
                    nameof(verdictPath));
            }
        }

        return owner;
    }

    [GeneratedRegex(@"\[1\](?=/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex FirstIndex();
}
