using System.Globalization;
using System.Text;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Signals.Exceptions;

namespace Berichtenverkeer.Cli.Signals;

/// <summary>A plain text table for a person at a terminal: one line per signal, the description last.</summary>
internal static class SignalTable
{
    public static string Format(IReadOnlyList<StoredSignal> signals)
    {
        var rows = signals.Select(s => new[]
        {
            s.Signal.Id, s.Signal.RuleId, s.Signal.Severity.ToString(), TriageRules.StateText(s.State), s.Signal.Gemeente, s.Signal.Agb ?? "-",
            Iso(s.Signal.PeriodFrom) + ".." + Iso(s.Signal.PeriodTo), s.Signal.Description,
        }).ToList();
        string[] header = ["id", "rule", "sev", "state", "gemeente", "agb", "period", "description"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{signals.Count} signal(s)"));
        return text.ToString();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
