using Berichtenverkeer.Audit.Tests.Support;
using Berichtenverkeer.Audit.Trail;
using static Berichtenverkeer.Audit.Tests.Support.Fixtures;

namespace Berichtenverkeer.Audit.Tests.Store;

/// <summary>
/// What a DBA could do to the audit_trail table with plain SQL, on SQLite and PostgreSQL, and what the verifier says
/// about the trail the store then reads back: an edit, a deletion and a swap break the chain at their sequence;
/// truncation of the end and a rebuilt chain are only caught with a checkpoint kept outside the gateway.
/// </summary>
public sealed class RelationalTamperTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task a_time_edited_with_sql_is_a_change_of_that_entry(string provider)
    {
        await using var test = await TrailAsync(provider, 8);
        await DropGuardAsync(test);

        await test.ExecuteAsync(
            provider == "postgres"
                ? "UPDATE audit_trail SET at = at + interval '1 second' WHERE sequence = 6"
                : "UPDATE audit_trail SET at = replace(at, '08:00', '08:01') WHERE sequence = 6");

        Assert.Equal((6L, TrailBreakKind.PayloadChanged), await FirstBreakAsync(test));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task a_row_deleted_with_sql_is_a_gap_at_the_entry_after_it(string provider)
    {
        await using var test = await TrailAsync(provider, 8);

        await test.ExecuteAsync("DELETE FROM audit_trail WHERE sequence = 4");

        Assert.Equal((5L, TrailBreakKind.SequenceGap), await FirstBreakAsync(test));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task two_rows_swapped_with_sql_break_the_chain_at_the_first_of_them(string provider)
    {
        await using var test = await TrailAsync(provider, 8);
        await DropGuardAsync(test);

        // The primary key is the sequence: swap the two rows' places through a free number. Entry 3 then holds the old
        // entry 4, whose prev_hash names the old entry 3 — not the entry before it now.
        await test.ExecuteAsync("UPDATE audit_trail SET sequence = -3 WHERE sequence = 3");
        await test.ExecuteAsync("UPDATE audit_trail SET sequence = 3 WHERE sequence = 4");
        await test.ExecuteAsync("UPDATE audit_trail SET sequence = 4 WHERE sequence = -3");

        Assert.Equal((3L, TrailBreakKind.PrevHashMismatch), await FirstBreakAsync(test));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task a_trail_truncated_with_sql_verifies_alone_but_not_against_an_earlier_checkpoint(string provider)
    {
        await using var test = await TrailAsync(provider, 8);
        var checkpoint = await new AuditTrail(test.Store).CheckpointAsync();

        await test.ExecuteAsync("DELETE FROM audit_trail WHERE sequence > 5");

        var entries = await test.Store.ReadTrailAsync(1, 100);
        Assert.True(AuditVerifier.Verify(entries).Intact);
        var result = AuditVerifier.Verify(entries, [checkpoint!]);

        // Named at the first entry missing before the checkpoint's head (8).
        Assert.Equal((6L, TrailBreakKind.Truncated), (result.FirstBreak!.Sequence!.Value, result.FirstBreak.Kind));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task a_chain_rebuilt_with_sql_verifies_alone_but_not_against_an_earlier_checkpoint(string provider)
    {
        await using var test = await TrailAsync(provider, 8);
        var checkpoint = await new AuditTrail(test.Store).CheckpointAsync();

        await test.ExecuteAsync("DELETE FROM audit_trail");
        await new AuditTrail(test.Store, time: new ManualTime(Start)).AppendAsync(AuditEvents(8, 100));

        var entries = await test.Store.ReadTrailAsync(1, 100);
        Assert.True(AuditVerifier.Verify(entries).Intact);
        var result = AuditVerifier.Verify(entries, [checkpoint!]);
        Assert.Equal((8L, TrailBreakKind.Replaced), (result.FirstBreak!.Sequence!.Value, result.FirstBreak.Kind));
    }

    private static async Task<TestStore> TrailAsync(string provider, int count)
    {
        var test = await TestStore.CreateAsync(provider);
        var trail = new AuditTrail(test.Store, time: new ManualTime(Start));
        await trail.AppendAsync(AuditEvents(count / 2));
        await trail.AppendAsync(AuditEvents(count - (count / 2), (count / 2) + 1));
        Assert.True(AuditVerifier.Verify(await test.Store.ReadTrailAsync(1, 100)).Intact);
        return test;
    }

    private static Task DropGuardAsync(TestStore test) =>
        test.ExecuteAsync("DROP TRIGGER audit_trail_append_only" + (test.Provider == "postgres" ? " ON audit_trail" : string.Empty));

    private static async Task<(long, TrailBreakKind)> FirstBreakAsync(TestStore test)
    {
        var result = AuditVerifier.Verify(await test.Store.ReadTrailAsync(1, 100));
        Assert.False(result.Intact, "the tampered trail verified intact");
        return (result.FirstBreak!.Sequence!.Value, result.FirstBreak.Kind);
    }
}
