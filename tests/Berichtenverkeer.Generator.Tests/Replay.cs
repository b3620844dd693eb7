using System.Globalization;
using System.Text;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;
using Berichtenverkeer.ReferenceData.Import;
using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Generator.Tests;

/// <summary>
/// Processes a generated run the way a gateway would: every message in file-name order through levels 1–2
/// (<see cref="MessageValidator"/>) and levels 3–4 (<see cref="Matcher"/> against an in-memory state and the
/// generated reference data). Small runs only: the state is a handful of lists.
/// </summary>
internal sealed class Replay
{
    private readonly List<MessageRecord> _messages = [];
    private readonly List<AssignmentRecord> _assignments = [];
    private readonly List<RegieRecord> _regie = [];
    private readonly List<RequestRecord> _requests = [];
    private readonly List<AnswerRecord> _answers = [];
    private readonly List<DeclarationRecord> _declarations = [];
    private readonly List<PrestatieRecord> _prestaties = [];
    private readonly MessageValidator _validator = new();
    private readonly Matcher _matcher;

    public Replay(IReferenceData reference) => _matcher = new Matcher(reference);

    /// <summary>Per file: level 1–2 errors (rule or message) and level 3–4 rule codes that failed.</summary>
    public Dictionary<string, (IReadOnlyList<string> Level12, IReadOnlyList<RuleFinding> Level34)> Results { get; } = new(StringComparer.Ordinal);

    public void Process(string fileName, byte[] content)
    {
        var validation = _validator.Validate(content);
        if (!validation.IsValid || validation.Message is not { } message)
        {
            Results[fileName] = (validation.Errors.Select(e => $"L{e.Level} {e.Rule} {e.Path}: {e.Message}").ToList(), []);
            return;
        }

        var snapshot = Load(StateScope.Of(message));
        var received = new ReceivedMessage(fileName, fileName, DateTimeOffset.UnixEpoch);
        var result = _matcher.Match(message, snapshot, received, message.Header.Dagtekening);
        Commit(result.Changes);
        Results[fileName] = ([], result.Findings);
    }

    private StateSnapshot Load(StateScope scope)
    {
        var bsns = scope.Bsns.ToHashSet(StringComparer.Ordinal);
        return new StateSnapshot
        {
            SameIdentificatie = _messages.LastOrDefault(m => m.Type == scope.Type && m.Afzender == scope.Afzender && m.Identificatie == scope.Identificatie),
            Assignments = _assignments.Where(a => a.Gemeente == scope.Gemeente).ToList(),
            Regie = _regie.Where(r => r.Gemeente == scope.Gemeente && r.Agb == scope.Agb && bsns.Contains(r.Bsn)).ToList(),
            Requests = _requests.Where(r => r.Agb == scope.Agb).ToList(),
            Answers = _answers.Where(a => a.Gemeente == scope.Gemeente && a.Agb == scope.Agb).ToList(),
            SameDeclaratieNummer = scope.DeclaratieNummer is null ? null
                : _declarations.LastOrDefault(d => d.Agb == scope.Agb && d.DeclaratieNummer == scope.DeclaratieNummer),
            LatestDeclaratiePeriode = _declarations.Where(d => d.Agb == scope.Agb && d.Gemeente == scope.Gemeente)
                .MaxBy(d => d.DeclaratiePeriode.Begindatum)?.DeclaratiePeriode,
            Prestaties = _prestaties.Where(p => p.Agb == scope.Agb).ToList(),
        };
    }

    private void Commit(StateChanges changes)
    {
        _messages.Add(changes.Message);
        _assignments.AddRange(changes.Assignments);
        foreach (var deleted in changes.DeletedRegie)
        {
            var index = _regie.FindIndex(r => !r.Deleted && r.Bsn == deleted.Bsn && r.Gemeente == deleted.Gemeente && r.Agb == deleted.Agb
                && r.Kind == deleted.Kind && r.Key == deleted.Key);
            if (index >= 0)
            {
                _regie[index] = _regie[index] with { Deleted = true };
            }
        }

        _regie.AddRange(changes.Regie);
        _requests.AddRange(changes.Requests);
        _answers.AddRange(changes.Answers);
        if (changes.Declaration is { } declaration)
        {
            _declarations.Add(declaration);
        }

        _prestaties.AddRange(changes.Prestaties);
    }
}

/// <summary>Reads the generated reference CSVs into the gateway's reference records.</summary>
internal static class ReferenceCsv
{
    public static List<string[]> Rows(string path, string expectedHeader)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{path} has a BOM");
        var lines = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expectedHeader, lines[0]);
        var columns = expectedHeader.Split(';').Length;
        var rows = lines.Skip(1).Select(l => l.Split(';')).ToList();
        Assert.All(rows, r => Assert.Equal(columns, r.Length));
        return rows;
    }

    /// <summary>Parses the folder with the gateway's own importer (which checks every row) and indexes it.</summary>
    public static ReferenceSet Load(string folder)
    {
        var (replacement, errors) = ReferenceImporter.ReadFolder(folder);
        Assert.True(errors.Count == 0, string.Join('\n', errors.Take(10).Select(e => e.ToString())));
        Assert.NotNull(replacement.Gemeenten);
        Assert.NotNull(replacement.ProductCodes);
        Assert.NotNull(replacement.Contracts);
        Assert.NotNull(replacement.Budgets);
        Assert.NotNull(replacement.Beschikkingen);
        return new ReferenceSet(replacement.Gemeenten, replacement.ProductCodes, replacement.Contracts, replacement.Budgets);
    }

    public static DateOnly? Date(string s) => s.Length == 0 ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
