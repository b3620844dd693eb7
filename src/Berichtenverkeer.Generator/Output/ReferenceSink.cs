using System.Globalization;
using System.Text;
using Berichtenverkeer.Generator.World;
using Berichtenverkeer.Generator.Xml;

namespace Berichtenverkeer.Generator.Output;

/// <summary>A budget (bestedingsruimte) row: municipality, provider, year, euro cents.</summary>
internal sealed record BudgetRow(string Gemeente, string Agb, int Year, long Amount);

/// <summary>Where the simulation puts what is not a message: the reference data and its progress.</summary>
internal interface IGenerationSink
{
    void WriteReference(WorldModel world, IReadOnlyList<BudgetRow> budgets);

    /// <summary>The decision behind an issued (or extended) assignment.</summary>
    void Beschikking(Assignment a, DateOnly from, DateOnly? to);

    void Progress(DateOnly day, long messages);
}

/// <summary>Discards reference data (the in-memory stream for benchmarks); progress goes to an optional callback.</summary>
internal sealed class NullSink(IProgress<GenerationProgress>? progress) : IGenerationSink
{
    public void WriteReference(WorldModel world, IReadOnlyList<BudgetRow> budgets)
    {
    }

    public void Beschikking(Assignment a, DateOnly from, DateOnly? to)
    {
    }

    public void Progress(DateOnly day, long messages) => progress?.Report(new GenerationProgress(day, messages));
}

/// <summary>
/// Writes <c>reference/*.csv</c>: semicolon separated, a header row, UTF-8 without BOM, dates yyyy-MM-dd, empty = open.
/// beschikkingen.csv is streamed while the run goes on; the rest is written before the first message.
/// </summary>
internal sealed class CsvReferenceSink : IGenerationSink, IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _folder;
    private readonly StreamWriter _beschikkingen;
    private readonly IProgress<GenerationProgress>? _progress;
    private readonly int _firstContractYear;
    private readonly int _lastContractYear;

    public CsvReferenceSink(string folder, int firstContractYear, int lastContractYear, IProgress<GenerationProgress>? progress)
    {
        _folder = folder;
        _progress = progress;
        _firstContractYear = firstContractYear;
        _lastContractYear = lastContractYear;
        Directory.CreateDirectory(folder);
        _beschikkingen = Open("beschikkingen.csv");
        _beschikkingen.Write("gemeente;beschikkingnummer;bsn;productcategorie;productcode;geldig_van;geldig_tot;volume;eenheid;frequentie\n");
    }

    public IEnumerable<string> Files =>
        ["gemeenten.csv", "productcodes.csv", "contracten.csv", "beschikkingen.csv", "budgetten.csv"];

    public void WriteReference(WorldModel world, IReadOnlyList<BudgetRow> budgets)
    {
        using (var w = Open("gemeenten.csv"))
        {
            w.Write("code;naam;geldig_van;geldig_tot\n");
            // geldig_van is the start of the generated data window, not the date CBS created the code.
            var from = Iso(new DateOnly(_firstContractYear, 1, 1));
            foreach (var g in world.Gemeenten.OrderBy(g => g.Code, StringComparer.Ordinal))
            {
                Row(w, g.Code, g.Info.Naam, from, string.Empty);
            }
        }

        using (var w = Open("productcodes.csv"))
        {
            w.Write("categorie;code;gemeente;geldig_van;geldig_tot\n");
            foreach (var (categorie, code) in ProductCatalog.NationalCodes().OrderBy(c => c.Code, StringComparer.Ordinal))
            {
                Row(w, categorie, code, string.Empty, string.Empty, string.Empty);
            }

            foreach (var local in ProductCatalog.All.Where(p => p.Local))
            {
                foreach (var g in world.Gemeenten.Where(g => g.HasLocalCode).OrderBy(g => g.Code, StringComparer.Ordinal))
                {
                    Row(w, local.Categorie, local.DeclareCode, g.Code, string.Empty, string.Empty);
                }
            }
        }

        using (var w = Open("contracten.csv"))
        {
            w.Write("gemeente;agb;productcategorie;productcode;eenheid;tarief;geldig_van;geldig_tot\n");
            foreach (var g in world.Gemeenten)
            {
                foreach (var p in g.Providers)
                {
                    foreach (var product in WorldModel.ContractedProducts(p, g).DistinctBy(x => x.DeclareCode).OrderBy(x => x.DeclareCode, StringComparer.Ordinal))
                    {
                        for (var year = _firstContractYear; year <= _lastContractYear; year++)
                        {
                            Row(w, g.Code, p.Agb, product.Categorie, product.DeclareCode, product.DeclareEenheid,
                                world.Tariff(p, g, product, year).ToString(CultureInfo.InvariantCulture),
                                Iso(new DateOnly(year, 1, 1)), Iso(new DateOnly(year, 12, 31)));
                        }
                    }
                }
            }
        }

        using (var w = Open("budgetten.csv"))
        {
            w.Write("gemeente;agb;jaar;bedrag\n");
            foreach (var b in budgets)
            {
                Row(w, b.Gemeente, b.Agb, b.Year.ToString(CultureInfo.InvariantCulture), b.Amount.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    public void Beschikking(Assignment a, DateOnly from, DateOnly? to)
    {
        var product = a.Product;
        Row(
            _beschikkingen,
            a.Gemeente.Code,
            a.BeschikkingNummer.ToString(CultureInfo.InvariantCulture),
            MessageRenderer.Bsn(a.Client.Bsn),
            product.Categorie,
            product.Code ?? string.Empty,
            Iso(from),
            to is { } t ? Iso(t) : string.Empty,
            product.HasOmvang ? a.Volume.ToString(CultureInfo.InvariantCulture) : string.Empty,
            product.Eenheid ?? string.Empty,
            product.Frequentie ?? string.Empty);
    }

    public void Progress(DateOnly day, long messages) => _progress?.Report(new GenerationProgress(day, messages));

    public void Dispose() => _beschikkingen.Dispose();

    private StreamWriter Open(string name) =>
        new(new FileStream(Path.Combine(_folder, name), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), Utf8, 1 << 16);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Row(StreamWriter w, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                w.Write(';');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(";\"\n") >= 0)
            {
                w.Write('"');
                w.Write(field.Replace("\"", "\"\"", StringComparison.Ordinal));
                w.Write('"');
            }
            else
            {
                w.Write(field);
            }
        }

        w.Write('\n');
    }
}
