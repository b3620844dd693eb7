using System.Globalization;

namespace Berichtenverkeer.Benchmarks.Report;

/// <summary>The process's peak resident set (VmHWM in /proc/self/status), read at the end of a scenario.</summary>
public static class PeakMemory
{
    public static double OwnMiB()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            // Not Linux: the managed peak working set is the nearest figure.
            return Environment.WorkingSet / 1048576.0;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return Math.Round(long.Parse(kb, CultureInfo.InvariantCulture) / 1024.0, 1);
            }
        }

        return double.NaN;
    }
}
