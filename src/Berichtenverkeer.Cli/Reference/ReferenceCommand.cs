using System.Globalization;
using Berichtenverkeer.Cli.Arguments;
using Berichtenverkeer.ReferenceData.Import;

namespace Berichtenverkeer.Cli.Reference;

/// <summary><c>berichtenverkeer reference import &lt;folder&gt; (--db … | --postgres …)</c>: all-or-nothing CSV import.</summary>
internal sealed class ReferenceCommand : ICommand
{
    private static readonly ArgumentParser Parser = new ArgumentParser().WithStore();

    public string Name => "reference";

    public string Summary => "Import reference data (contracten, beschikkingen, budgetten, gemeenten, productcodes, pgb, bundels) from CSV";

    public void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("Usage: berichtenverkeer reference import <folder> (--db <sqlite file> | --postgres <connection string>)");
        writer.WriteLine();
        writer.WriteLine("Checks every row of every CSV file in <folder> first; any bad row (reported by file, line and column) means");
        writer.WriteLine("nothing is imported. Each kind present replaces that kind's rows; importing the same files again changes nothing.");
        writer.WriteLine();
        Parser.WriteOptions(writer);
        writer.WriteLine();
        writer.WriteLine("Exit status: 0 imported, 1 rejected rows, 2 usage or I/O error.");
    }

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = Parser.Parse(args);
        if (parsed.Positionals is not ["import", var folder])
        {
            throw new UsageException("usage: reference import <folder>");
        }

        if (!Directory.Exists(folder))
        {
            context.Error.WriteLine($"berichtenverkeer reference: folder not found: {folder}");
            return ExitCodes.UsageOrIo;
        }

        using var store = StoreOption.OpenAsync(parsed).GetAwaiter().GetResult();
        var report = ReferenceImporter.ImportFolderAsync(folder, store).GetAwaiter().GetResult();
        if (!report.Succeeded)
        {
            foreach (var error in report.Errors)
            {
                context.Error.WriteLine(error.ToString());
            }

            context.Error.WriteLine($"{report.Errors.Count} bad row(s): nothing was imported.");
            return ExitCodes.Failed;
        }

        foreach (var (kind, count) in report.Counts.OrderBy(c => c.Key.ToString(), StringComparer.Ordinal))
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: {count} rows"));
        }

        return ExitCodes.Ok;
    }
}
