using Berichtenverkeer.Audit.Events;

namespace Berichtenverkeer.Gateway.Replay;

/// <summary>
/// Sorts audit.jsonl by message id, keeping each message's lines in the order written (a stable sort), with memory
/// bounded by one run of lines however long the replay: sorted runs go to temporary files, which are then merged.
/// </summary>
internal static class AuditFileSorter
{
    private const int LinesPerRun = 20_000;

    public static void Sort(string path)
    {
        var runs = new List<string>();
        try
        {
            var chunk = new List<(string Id, string Line)>(LinesPerRun);
            foreach (var line in File.ReadLines(path))
            {
                chunk.Add((AuditJson.Deserialize(line).MessageId, line));
                if (chunk.Count == LinesPerRun)
                {
                    runs.Add(WriteRun(path, runs.Count, chunk));
                }
            }

            if (chunk.Count > 0 || runs.Count == 0)
            {
                runs.Add(WriteRun(path, runs.Count, chunk));
            }

            Merge(runs, path);
        }
        finally
        {
            foreach (var run in runs)
            {
                File.Delete(run);
            }
        }
    }

    /// <summary>A run holds "id-length:id line" so the merge needs no second parse; OrderBy is stable.</summary>
    private static string WriteRun(string path, int number, List<(string Id, string Line)> chunk)
    {
        var run = $"{path}.run{number}";
        File.WriteAllLines(run, chunk.OrderBy(x => x.Id, StringComparer.Ordinal).Select(x => $"{x.Id.Length}:{x.Id}{x.Line}"));
        chunk.Clear();
        return run;
    }

    /// <summary>Equal ids come from the earliest run first, so the merge stays stable across runs.</summary>
    private static void Merge(List<string> runs, string path)
    {
        var readers = runs.Select(run => new StreamReader(run)).ToList();
        try
        {
            var queue = new PriorityQueue<(int Run, string Id, string Line), (string Id, int Run)>(
                Comparer<(string Id, int Run)>.Create((a, b) => StringComparer.Ordinal.Compare(a.Id, b.Id) is var c && c != 0 ? c : a.Run.CompareTo(b.Run)));
            for (var i = 0; i < readers.Count; i++)
            {
                Enqueue(queue, readers[i], i);
            }

            using var output = new StreamWriter(path, append: false) { NewLine = "\n" };
            while (queue.TryDequeue(out var next, out _))
            {
                output.WriteLine(next.Line);
                Enqueue(queue, readers[next.Run], next.Run);
            }
        }
        finally
        {
            readers.ForEach(r => r.Dispose());
        }
    }

    private static void Enqueue(PriorityQueue<(int Run, string Id, string Line), (string Id, int Run)> queue, StreamReader reader, int run)
    {
        if (reader.ReadLine() is not { } entry)
        {
            return;
        }

        var colon = entry.IndexOf(':', StringComparison.Ordinal);
        var length = int.Parse(entry.AsSpan(0, colon), System.Globalization.CultureInfo.InvariantCulture);
        var id = entry.Substring(colon + 1, length);
        queue.Enqueue((run, id, entry[(colon + 1 + length)..]), (id, run));
    }
}
