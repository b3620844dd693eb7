using System.Diagnostics;
using Berichtenverkeer.Ijw.Model;
using Xunit.Abstractions;
using static Berichtenverkeer.Store.Tests.Build;

namespace Berichtenverkeer.Store.Tests;

public sealed class LargeCommitTests(ITestOutputHelper output)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_jw323_with_5000_prestaties_commits_and_loads(string provider)
    {
        await using var test = await TestStore.CreateAsync(provider);
        var changes = Changes(Message("JW323", identificatie: "BIG-1"));
        changes.Declaration = Declaration(changes.Message.MessageId, "BIG");
        changes.Prestaties.AddRange(Enumerable.Range(0, 5_000).Select(i =>
            Prestatie(changes.Message.MessageId, "P" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture), nummer: 10_000 + (i % 250), declaratie: "BIG", approved: i % 10 != 0)));

        var watch = Stopwatch.StartNew();
        await test.Store.CommitAsync(changes);
        var commit = watch.Elapsed;

        watch.Restart();
        var answered = await test.Store.LoadAsync(Scope("JW325", Gemeente, "ANSWER") with
        {
            AnsweredDeclaratie = new BerichtIdentificatie("BIG-1", changes.Message.Dagtekening),
        });
        var byAssignment = await test.Store.LoadAsync(Scope() with { ToewijzingNummers = [10_000, 10_001] });
        output.WriteLine($"{provider}: commit of 5000 prestaties {commit.TotalMilliseconds:F0} ms, loads {watch.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(5_000, answered.AnsweredPrestaties.Count);
        StateRoundTripTests.AssertPrestaties(changes.Prestaties, answered.AnsweredPrestaties);
        Assert.Equal(40, byAssignment.Prestaties.Count);
    }
}
