using System.Text;
using System.Text.Json;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Signals;
using Berichtenverkeer.Store;

namespace Berichtenverkeer.Cli.Tests;

/// <summary><c>berichtenverkeer signals list|export-ikz|run</c> on a gateway database.</summary>
public sealed class SignalsCommandTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void after_a_run_the_raised_signals_list_as_table_csv_and_json_with_filters()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, CliRun.Of("run", "--out", folder.Path).ExitCode);
        var db = Path.Combine(folder.Path, "gateway", "berichtenverkeer.db");

        var json = CliRun.Of("signals", "list", "--db", db, "--format", "json");
        var csvFile = Path.Combine(folder.Path, "signals.csv");
        var csv = CliRun.Of("signals", "list", "--db", db, "--format", "csv", "--out", csvFile);
        var table = CliRun.Of("signals", "list", "--db", db, "--state", "new", "--format", "table");

        Assert.Equal(0, json.ExitCode);
        using var list = JsonDocument.Parse(json.Out);
        var signals = list.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(signals);
        Assert.All(signals, s => Assert.Equal("new", s.GetProperty("state").GetString()));
        var rule = signals[0].GetProperty("ruleId").GetString()!;
        var ofRule = CliRun.Of("signals", "list", "--db", db, "--format", "json", "--rule", rule);
        Assert.Equal(signals.Count(s => s.GetProperty("ruleId").GetString() == rule), JsonDocument.Parse(ofRule.Out).RootElement.GetArrayLength());

        Assert.Equal(0, csv.ExitCode);
        var bytes = File.ReadAllBytes(csvFile);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id;rule;rule_version;severity;", lines[0], StringComparison.Ordinal);
        Assert.Equal(signals.Count + 1, lines.Length);

        Assert.Equal(0, table.ExitCode);
        Assert.StartsWith("id ", table.OutLines[0], StringComparison.Ordinal);
        Assert.Equal($"{signals.Count} signal(s)", table.OutLines[^1]);
    }

    [Fact]
    public async Task export_ikz_refuses_a_signal_that_is_not_confirmed_and_writes_the_melding_of_a_confirmed_one()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "state.db");
        var signal = Fr15();
        await using (var store = await StateStoreFactory.CreateMigratedAsync(new StateStoreOptions { ConnectionString = db }))
        {
            await store.SaveSignalsAsync([signal], At);
        }

        var unknown = CliRun.Of("signals", "export-ikz", "sig-nope", "--db", db);
        var unconfirmed = CliRun.Of("signals", "export-ikz", signal.Id, "--db", db);
        await using (var store = await StateStoreFactory.CreateMigratedAsync(new StateStoreOptions { ConnectionString = db }))
        {
            var triage = (ISignalTriageStore)store;
            var record = (await triage.FindSignalAsync(signal.Id))!;
            await triage.ApplyTriageAsync(TriageRules.Transition(record.Signal, TriageState.New, TriageAction.StartReview, "controller", At.AddDays(1), null));
            await triage.ApplyTriageAsync(TriageRules.Transition(record.Signal, TriageState.UnderReview, TriageAction.Confirm, "controller", At.AddDays(2), "care after the stop"));
        }

        var file = Path.Combine(folder.Path, "ikz.json");
        var confirmed = CliRun.Of("signals", "export-ikz", signal.Id, "--db", db, "--out", file);

        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal(1, unconfirmed.ExitCode);
        Assert.Contains("only a confirmed signal", unconfirmed.Error, StringComparison.Ordinal);
        Assert.Equal(0, confirmed.ExitCode);
        using var melding = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("0363", melding.RootElement.GetProperty("reporter").GetProperty("gemeente").GetString());
        Assert.Equal("12345678", melding.RootElement.GetProperty("subject").GetProperty("agb").GetString());
        Assert.Equal("care after the stop", melding.RootElement.GetProperty("triage")[2].GetProperty("reason").GetString());
    }

    [Fact]
    public void signals_run_needs_a_month_and_the_gateways_pseudonym_key()
    {
        Assert.Equal(2, CliRun.Of("signals", "run", "--db", "x.db", "--pseudonym-key", Key).ExitCode);
        Assert.Equal(2, CliRun.Of("signals", "run", "--db", "x.db", "--period", "2026-13", "--pseudonym-key", Key).ExitCode);
        Assert.Equal(2, CliRun.Of("signals", "run", "--db", "x.db", "--period", "2026-01", "--pseudonym-key", "short").ExitCode);
        Assert.Equal(2, CliRun.Of("signals", "list", "--db", "x.db", "--severity", "X").ExitCode);
        Assert.Equal(2, CliRun.Of("signals", "frobnicate").ExitCode);
    }

    [Fact]
    public void signals_run_judges_a_month_on_demand_and_a_second_run_raises_nothing_new()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, CliRun.Of("run", "--out", folder.Path).ExitCode);
        var db = Path.Combine(folder.Path, "gateway", "berichtenverkeer.db");

        var first = CliRun.Of("signals", "run", "--db", db, "--period", "2025-01", "--pseudonym-key", Key);
        var second = CliRun.Of("signals", "run", "--db", db, "--period", "2025-01", "--pseudonym-key", Key);

        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"^2025-01: \d+ municipality\(ies\), [1-9]\d* signal\(s\) found, \d+ new", first.OutLines[0]);
        Assert.EndsWith(", 0 new (registered as new)", second.OutLines[0], StringComparison.Ordinal);
    }

    private static string Key => Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());

    private static Signal Fr15() => new()
    {
        Id = Signal.MakeId("FR15", 1, ["0363", "12345678", "pseudo", "100001", "2026-01-15"]),
        RuleId = "FR15",
        RuleVersion = 1,
        Severity = Severity.H,
        Stage = ControlStage.Material,
        Gemeente = "0363",
        Agb = "12345678",
        Client = "pseudo-xyz",
        MessageIds = ["m-1", "m-2"],
        ContentHashes = [new string('c', 64)],
        Values = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["bedrag"] = 225000 },
        Description = "Provider 12345678 stopped assignment 100001 on 2026-01-15 but was paid for care up to 2026-01-31.",
        PeriodFrom = new DateOnly(2026, 1, 16),
        PeriodTo = new DateOnly(2026, 1, 31),
    };
}
