using System.Security.Cryptography;
using System.Text;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Ijw.Verdicts;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;

namespace Berichtenverkeer.Matching.Tests.Support;

/// <summary>
/// The gateway's level-3/4 pipeline in miniature: parse (levels 1–2), load the scope from the store, match, commit.
/// One instance is one gateway's history; <see cref="Reference"/> and <see cref="Today"/> may change between messages.
/// </summary>
public sealed class Gateway(IReferenceData? reference = null, MatchingOptions? options = null)
{
    private int _sequence;

    public InMemoryStateStore Store { get; } = new();

    public IReferenceData Reference { get; set; } = reference ?? ReferenceSet.Empty;

    public MatchingOptions Options { get; } = options ?? new MatchingOptions();

    public DateOnly Today { get; set; } = Trajectory.Today;

    public Processed Process(IjwBuilder message) => Process(message.ToXml());

    public Processed Process(string xml)
    {
        var message = IjwXml.Parse(xml);
        var bytes = Encoding.UTF8.GetBytes(xml);
        var received = new ReceivedMessage($"msg-{Interlocked.Increment(ref _sequence)}", Convert.ToHexString(SHA256.HashData(bytes)), DateTimeOffset.UnixEpoch);
        var snapshot = Store.LoadAsync(StateScope.Of(message)).GetAwaiter().GetResult();
        var result = new Matcher(Reference, Options).Match(message, snapshot, received, Today);
        Store.CommitAsync(result.Changes).GetAwaiter().GetResult();
        return new Processed(message, result);
    }

    /// <summary>The history a test starts from: every message must be accepted without any finding.</summary>
    public void Given(params IjwBuilder[] history)
    {
        foreach (var message in history)
        {
            var processed = Process(message);
            Assert.True(processed.Verdict.IsClean && processed.Findings.Count == 0, $"history message {message.GetType().Name} was not clean: {processed}");
        }
    }
}

/// <summary>What processing one message gave: the parsed message and the matcher's result.</summary>
public sealed record Processed(IjwMessage Message, MatchResult Result)
{
    public Verdict Verdict => Result.Verdict;

    public IReadOnlyList<RuleFinding> Findings => Result.Findings;

    public StateChanges Changes => Result.Changes;

    public string Outcome => Result.Changes.Message.Outcome;

    public override string ToString() => $"{Outcome}; {Expect.Describe(Verdict)}; findings: {string.Join(", ", Findings.Select(f => $"{f.Rule}@{f.Path}"))}";
}
