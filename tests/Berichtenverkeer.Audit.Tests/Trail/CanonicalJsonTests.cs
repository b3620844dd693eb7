using Berichtenverkeer.Audit.Trail;

namespace Berichtenverkeer.Audit.Tests.Trail;

/// <summary>The canonical form an auditor reproduces with any tool (the expected hashes were computed with Python's json + hashlib).</summary>
public sealed class CanonicalJsonTests
{
    private const string Payload =
        """{ "step": "received", "messageId": "m-1", "at": "2026-03-10T08:00:00+00:00", "contentHash": "ab", "ruleCodes": [], "clientPseudonyms": ["p-1"], "detail": "\u00e9 \"q\"\n\u0001 ok\/€", "n": 42 }""";

    [Fact]
    public void keys_are_sorted_whitespace_dropped_and_strings_escaped_minimally()
    {
        Assert.Equal(
            """{"at":"2026-03-10T08:00:00+00:00","clientPseudonyms":["p-1"],"contentHash":"ab","detail":"é \"q\"\n\u0001 ok/€","messageId":"m-1","n":42,"ruleCodes":[],"step":"received"}""",
            CanonicalJson.Canonicalize(Payload));
    }

    [Fact]
    public void nested_objects_are_sorted_too_and_literals_kept()
    {
        Assert.Equal("""{"a":{"x":null,"y":[true,false,-3]},"b":"\b\t\f\r\u001f"}""", CanonicalJson.Canonicalize("""{"b":"\b\t\f\r\u001F","a":{"y":[true,false,-3],"x":null}}"""));
    }

    [Theory]
    [InlineData("""{"a":1.5}""")]
    [InlineData("""{"a":1e3}""")]
    [InlineData("""{"a":9007199254740992}""")]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("""{"a":""")]
    public void fractions_huge_numbers_duplicate_keys_and_broken_json_are_refused(string json)
    {
        Assert.Throws<FormatException>(() => CanonicalJson.Canonicalize(json));
    }

    [Fact]
    public void the_entry_hash_matches_an_independent_computation()
    {
        var draft = TrailDraft.Create(TrailKind.AuditEvent, new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero), Payload);
        var second = TrailDraft.Create(TrailKind.Triage, new DateTimeOffset(2026, 3, 10, 8, 0, 1, 500, TimeSpan.Zero).AddTicks(9999), """{"b":1,"a":null}""");

        var entries = AuditChain.Link(null, [draft, second]);

        // python3: json.dumps(body, sort_keys=True, separators=(",",":"), ensure_ascii=False); sha256(body.encode() + prev.encode())
        Assert.Equal(AuditChain.GenesisHash, entries[0].PrevHash);
        Assert.Equal("5d8b52cb239ffa3a69b3b1bfc8864091008255f54df479e7baac269a9fb300b5", entries[0].EntryHash);
        Assert.Equal("2026-03-10T08:00:01.500Z", entries[1].AtText);
        Assert.Equal(entries[0].EntryHash, entries[1].PrevHash);
        Assert.Equal("31bcbfc0b27a2662ac5f7dd7b7e6224477268199168e09e63ab007ea96cffa64", entries[1].EntryHash);
    }

    [Fact]
    public void an_exported_line_reads_back_as_the_same_entry()
    {
        var entry = AuditChain.Link(null, [TrailDraft.Create(TrailKind.AuditEvent, DateTimeOffset.UnixEpoch.AddDays(20000), Payload)])[0];

        var line = TrailJsonLines.Line(entry);
        var read = TrailJsonLines.Parse(1, line);

        Assert.Null(read.Error);
        Assert.Equal(entry, read.Entry);
        Assert.StartsWith("""{"sequence":1,"at":"2024-10-04T00:00:00.000Z","kind":"audit-event","payload":{"at":""", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345672", false)]
    [InlineData("bsn 123456782 in tekst", true)]
    [InlineData("1234567820", false)]
    [InlineData("123456781", false)]
    [InlineData("000000000", false)]
    public void a_likely_bsn_is_recognised_by_the_eleven_test(string text, bool expected)
    {
        Assert.Equal(expected, TriageRules.ContainsLikelyBsn(text));
    }
}
