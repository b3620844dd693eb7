using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Berichtenverkeer.Benchmarks.Report;

/// <summary>What the figures were taken on: CPU model (lscpu), cores, memory, OS and .NET.</summary>
public static class MachineInfo
{
    public static Machine Describe(string note)
    {
        var cpu = Lscpu("Model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return new Machine(cpu, Environment.ProcessorCount, Math.Round(memory, 1), OsName(), RuntimeInformation.FrameworkDescription, note);
    }

    /// <summary>The 1-minute load average (/proc/loadavg), or "?" where there is none.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string OsName()
    {
        const string release = "/etc/os-release";
        if (File.Exists(release))
        {
            var pretty = File.ReadLines(release).FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            if (pretty is not null)
            {
                var name = pretty["PRETTY_NAME=".Length..].Trim('"');
                return name == RuntimeInformation.OSDescription ? name : name + " (" + RuntimeInformation.OSDescription + ")";
            }
        }

        return RuntimeInformation.OSDescription;
    }

    private static string? Lscpu(string field)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("lscpu") { RedirectStandardOutput = true, UseShellExecute = false });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return output.Split('\n')
                .Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
                .Select(l => l[(field.Length + 1)..].Trim())
                .FirstOrDefault();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
