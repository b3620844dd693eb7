using Berichtenverkeer.Matching.State;
using static Berichtenverkeer.Store.Tests.Build;

namespace Berichtenverkeer.Store.Tests;

public sealed class RegieTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Deleting_marks_the_record_deleted_and_frees_its_key(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var first = Changes(Message("JW305"));
        var start = Start(first.Message.MessageId);
        first.Regie.Add(start);
        await test.Store.CommitAsync(first);

        var delete = Changes(Message("JW305"));
        delete.DeletedRegie.Add(start with { MessageId = delete.Message.MessageId });
        await test.Store.CommitAsync(delete);

        var afterDelete = await test.Store.LoadAsync(Scope("JW305") with { Bsns = [Bsn] });
        Assert.Equal([start with { Deleted = true }], afterDelete.Regie);

        var again = Changes(Message("JW305"));
        var replacement = Start(again.Message.MessageId);
        again.Regie.Add(replacement);
        await test.Store.CommitAsync(again);

        var loaded = await test.Store.LoadAsync(Scope("JW305") with { Bsns = [Bsn] });
        Assert.Equal([start with { Deleted = true }, replacement], loaded.Regie);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_delete_and_its_replacement_with_the_same_key_in_one_message(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var first = Changes(Message("JW307"));
        var stop = Stop(first.Message.MessageId);
        first.Regie.Add(stop);
        await test.Store.CommitAsync(first);

        // IV008: a key element changed → delete and new delivery may travel together; here the same key is replaced.
        var correction = Changes(Message("JW307"));
        correction.DeletedRegie.Add(stop);
        var corrected = stop with { Dagtekening = new DateOnly(2025, 5, 2), MessageId = correction.Message.MessageId };
        correction.Regie.Add(corrected);
        await test.Store.CommitAsync(correction);

        var loaded = await test.Store.LoadAsync(Scope("JW307") with { Bsns = [Bsn] });
        Assert.Equal([stop with { Deleted = true }, corrected], loaded.Regie);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Deleting_what_is_not_current_is_a_conflict_and_writes_nothing(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var first = Changes(Message("JW305"));
        var start = Start(first.Message.MessageId);
        first.Regie.Add(start);
        await test.Store.CommitAsync(first);
        var delete = Changes(Message("JW305"));
        delete.DeletedRegie.Add(start);
        await test.Store.CommitAsync(delete);

        // A second delete of the same start (e.g. a concurrent duplicate that was evaluated before the first committed).
        var second = Changes(Message("JW305", identificatie: "SECOND-DELETE"));
        second.DeletedRegie.Add(start);
        await Assert.ThrowsAsync<StateConflictException>(() => test.Store.CommitAsync(second));
        Assert.Null((await test.Store.LoadAsync(Scope("JW305", identificatie: "SECOND-DELETE"))).SameIdentificatie);

        var unknown = Changes(Message("JW305"));
        unknown.DeletedRegie.Add(Start(unknown.Message.MessageId, nummer: 31337));
        await Assert.ThrowsAsync<StateConflictException>(() => test.Store.CommitAsync(unknown));
    }
}
