using System.Globalization;
using Berichtenverkeer.Processing.Ledger;

namespace Berichtenverkeer.Gateway.Replay;

/// <summary>
/// The summary's counts and the municipalities seen, accumulated one ledger record at a time, so a replay keeps no
/// record (with its content, deliveries and audit events) once it is counted: memory stays flat in the number of messages.
/// </summary>
internal sealed class ReplayTally
{
    private readonly SortedDictionary<string, SortedDictionary<string, int>> _byType = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _byDisposition = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _gemeenten = [];

    public int Messages { get; private set; }

    /// <summary>Gemeentecodes (4 characters) of senders and recipients, in order of first appearance.</summary>
    public IReadOnlyList<string> Gemeenten => _gemeenten;

    public void Add(LedgerRecord record)
    {
        Messages++;
        var type = record.MessageType ?? "unknown";
        var disposition = record.Disposition.ToString();
        if (!_byType.TryGetValue(type, out var perType))
        {
            _byType[type] = perType = new SortedDictionary<string, int>(StringComparer.Ordinal);
        }

        perType[disposition] = perType.GetValueOrDefault(disposition) + 1;
        _byDisposition[disposition] = _byDisposition.GetValueOrDefault(disposition) + 1;
        foreach (var code in record.RuleCodes)
        {
            _codes[code] = _codes.GetValueOrDefault(code) + 1;
        }

        foreach (var party in new[] { record.Afzender, record.Ontvanger })
        {
            if (party is { Length: 4 } && _seen.Add(party))
            {
                _gemeenten.Add(party);
            }
        }
    }

    public ReplaySummary Summarise(DateOnly today, TimeSpan elapsed, int referenceRows) => new()
    {
        Messages = Messages,
        Today = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Seconds = Math.Round(elapsed.TotalSeconds, 3),
        ByType = _byType,
        ByDisposition = _byDisposition,
        RuleCodes = _codes,
        ReferenceRows = referenceRows,
    };
}
