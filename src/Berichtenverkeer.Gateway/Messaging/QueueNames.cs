using Berichtenverkeer.Gateway.Hosting;

namespace Berichtenverkeer.Gateway.Messaging;

/// <summary>
/// The queues the gateway declares. One processing queue per partition; one outbound queue per party. Every name starts
/// with <see cref="GatewayOptions.QueuePrefix"/> (default <see cref="DefaultPrefix"/>), so several gateways — or
/// tests — can share one broker without sharing queues.
/// </summary>
public static class QueueNames
{
    public const string DefaultPrefix = "berichtenverkeer";

    public const string Inbound = DefaultPrefix + "-inbound";

    public const string Audit = DefaultPrefix + "-audit";

    public static string InboundFor(string prefix) => $"{prefix}-inbound";

    public static string Process(int partition, string prefix = DefaultPrefix) => $"{prefix}-process-{partition}";

    public static string Party(string code, string prefix = DefaultPrefix) => $"{prefix}-party-{code}";

    /// <summary>The auditors' exception queue: every <c>FraudSignalRaised</c> event.</summary>
    public static string Signals(string prefix = DefaultPrefix) => $"{prefix}-signals";

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
