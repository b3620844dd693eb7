using System.Globalization;
using Berichtenverkeer.Cli.Arguments;
using Berichtenverkeer.Reconciliation;
using Berichtenverkeer.Reconciliation.Export;

namespace Berichtenverkeer.Cli.Reconcile;

/// <summary>
/// <c>berichtenverkeer reconcile (--db … | --postgres …) --from yyyy-mm [--to yyyy-mm] [--gemeente a,b] [--agb x,y]
/// [--format csv|json] --out &lt;folder&gt;</c>: assigned vs declared per gemeente × month × provider × product, the totals,
/// and the budget traffic light per provider.
/// </summary>
internal sealed class ReconcileCommand : ICommand
{
    private static readonly ArgumentParser Parser = new ArgumentParser()
        .WithStore()
        .Option("--from", "yyyy-mm", "First month (required)")
        .Option("--to", "yyyy-mm", "Last month (default: --from)")
        .Option("--gemeente", "codes", "Only these municipalities (comma separated)")
        .Option("--agb", "codes", "Only these providers (comma separated)")
        .Option("--as-of", "yyyy-mm-dd", "Date of the budget traffic light (default: the end of --to)")
        .Option("--format", "csv|json", "csv (default; ';' separated, UTF-8 with BOM, opens in a spreadsheet) or json")
        .Option("--out", "folder", "Where reconciliation, totals and budget files are written (required)");

    public string Name => "reconcile";

    public string Summary => "Reconcile assignments and declarations per period, provider and municipality; budget traffic light";

    public void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("Usage: berichtenverkeer reconcile (--db <file> | --postgres <conn>) --from yyyy-mm [--to yyyy-mm]");
        writer.WriteLine("                                  [--gemeente a,b] [--agb x,y] [--as-of yyyy-mm-dd] [--format csv|json] --out <folder>");
        writer.WriteLine();
        Parser.WriteOptions(writer);
    }

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = Parser.Parse(args);
        var from = Month(parsed.Value("--from") ?? throw new UsageException("--from yyyy-mm is required"));
        var to = Month(parsed.Value("--to") ?? parsed.Value("--from")!).AddMonths(1).AddDays(-1);
        var output = parsed.Value("--out") ?? throw new UsageException("--out <folder> is required");
        var json = parsed.Choice("--format", "csv", "json") == "json";
        var gemeenten = List(parsed.Value("--gemeente"));
        var agbs = List(parsed.Value("--agb"));
        var asOf = parsed.Value("--as-of") is { } a ? Date(a) : to;

        using var store = StoreOption.OpenAsync(parsed).GetAwaiter().GetResult();
        var service = new ReconciliationService(store, store.LoadReferenceSetAsync().GetAwaiter().GetResult());
        var report = service.ReconcileAsync(new ReconciliationQuery { From = from, To = to, Gemeenten = gemeenten, Agbs = agbs }).GetAwaiter().GetResult();
        var budget = service.BudgetUseAsync(new BudgetUseQuery { AsOf = asOf, Gemeenten = gemeenten, Agbs = agbs }).GetAwaiter().GetResult();

        Directory.CreateDirectory(output);
        if (json)
        {
            File.WriteAllText(Path.Combine(output, "reconciliation.json"), ReconciliationJson.Serialize(report));
            File.WriteAllText(Path.Combine(output, "budget.json"), ReconciliationJson.Serialize(budget));
        }
        else
        {
            File.WriteAllBytes(Path.Combine(output, "reconciliation.csv"), ReconciliationCsv.Rows(report));
            File.WriteAllBytes(Path.Combine(output, "totals.csv"), ReconciliationCsv.Totals(report));
            File.WriteAllBytes(Path.Combine(output, "budget.csv"), ReconciliationCsv.BudgetUse(budget));
        }

        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Rows.Count} rows, {report.Totals.Count} totals, {budget.Rows.Count} providers' budget use written to {output}"));
        return ExitCodes.Ok;
    }

    private static IReadOnlyCollection<string>? List(string? value) =>
        value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static DateOnly Month(string value) => Date(value + "-01");

    private static DateOnly Date(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"'{value}' is not a month yyyy-mm or a date yyyy-mm-dd");
}
