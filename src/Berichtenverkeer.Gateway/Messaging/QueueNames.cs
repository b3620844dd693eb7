namespace Berichtenverkeer.Gateway.Messaging;

/// <summary>The queues the gateway declares. One processing queue per partition; one outbound queue per party.</summary>
public static class QueueNames
{
    public const string Inbound = "berichtenverkeer-inbound";

    public static string Process(int partition) => $"berichtenverkeer-process-{partition}";

    public static string Party(string code) => $"berichtenverkeer-party-{code}";

    public const string Audit = "berichtenverkeer-audit";

    /// <summary>Stable across processes and runs (string.GetHashCode is randomised per process).</summary>
    public static int PartitionOf(string key, int partitions)
    {
        uint hash = 2166136261;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash % (uint)partitions);
    }
}
