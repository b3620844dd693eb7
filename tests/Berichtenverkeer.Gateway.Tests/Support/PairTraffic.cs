using Berichtenverkeer.Gateway.Messaging;
using Berichtenverkeer.Tests.Support;

namespace Berichtenverkeer.Gateway.Tests.Support;

/// <summary>One message of a pair's traffic: who sends it, and a label for messages.</summary>
public sealed record Submission(string Pair, string Label, string Xml, string Sender);

/// <summary>
/// Traffic between several municipality–provider pairs: per pair, every client's assignment (JW301), then every
/// start (JW305), then every declaration (JW323). Within a pair each message depends on an earlier one, so a message
/// that overtakes another gets 9019 (start before its assignment) or 9338 (declaration before its assignment).
/// </summary>
public static class PairTraffic
{
    /// <summary>Chosen so that with 4 partitions they fall in all four (with 2, in both).</summary>
    public static readonly (string Gemeente, string Agb)[] Pairs =
    [
        ("0363", "12345678"), ("0344", "12345678"), ("0034", "12345678"),
        ("0363", "34567890"), ("0599", "34567890"), ("0518", "87654321"),
    ];

    public static string Key((string Gemeente, string Agb) pair) => $"{pair.Gemeente}|{pair.Agb}";

    /// <summary>Each pair's submissions in the order they must be processed. Client numbers are unique across pairs.</summary>
    public static Dictionary<string, List<Submission>> Build(int pairs, int clientsPerPair, int firstClient = 1)
    {
        var traffic = new Dictionary<string, List<Submission>>();
        for (var p = 0; p < pairs; p++)
        {
            var (gemeente, agb) = Pairs[p];
            var clients = Enumerable.Range(0, clientsPerPair).Select(c => new Traffic.Client(firstClient + (p * 1000) + c, gemeente, agb)).ToList();
            var key = Key(Pairs[p]);
            traffic[key] =
            [
                .. clients.Select(c => new Submission(key, $"JW301 client {c.Number}", c.Jw301(), gemeente)),
                .. clients.Select(c => new Submission(key, $"JW305 client {c.Number}", c.Jw305(), agb)),
                .. clients.Select(c => new Submission(key, $"JW323 client {c.Number}", c.Jw323(), agb)),
            ];
        }

        return traffic;
    }

    /// <summary>How many partitions the pairs fall in: more than one, or the test would not show parallel partitions.</summary>
    public static int PartitionsUsed(IEnumerable<string> keys, int partitions) =>
        keys.Select(k => QueueNames.PartitionOf(k, partitions)).Distinct().Count();

    /// <summary>
    /// Sends every pair's submissions, pairs in parallel, each pair's in order (the next only after the gateway accepted
    /// the previous). Returns the accepted ids per pair, in send order.
    /// </summary>
    public static async Task<Dictionary<string, List<string>>> SendAsync(Dictionary<string, List<Submission>> traffic, Func<Submission, Task<string>> send)
    {
        var sent = traffic.Keys.ToDictionary(k => k, _ => new List<string>());
        await Task.WhenAll(traffic.Select(pair => Task.Run(async () =>
        {
            foreach (var submission in pair.Value)
            {
                sent[pair.Key].Add(await send(submission));
            }
        })));
        return sent;
    }
}
