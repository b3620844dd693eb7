using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Berichtenverkeer.Audit.Sampling;

/// <summary>
/// Writes a drawn sample so an auditor can redo it without the gateway (AT8). Into one folder:
/// <list type="bullet">
/// <item><c>frame.json</c> — the procedure, seed, population definition, strata, size basis and parameters, the
/// allocation per stratum and the selected unit keys;</item>
/// <item><c>strata.csv</c> — stratum, population, quota, allocated;</item>
/// <item><c>selected.csv</c> — the drawn units with their rank and draw hash, and the unit's attributes;</item>
/// <item><c>population.csv</c> — every unit of the frame with its stratum, rank and draw hash (to redo the draw).</item>
/// </list>
/// Units carry no BSN, so neither do these files. The same frame and units always give the same bytes.
/// </summary>
public static class SampleExport
{
    public const string FrameFile = "frame.json";
    public const string StrataFile = "strata.csv";
    public const string SelectedFile = "selected.csv";
    public const string PopulationFile = "population.csv";

    public const string Procedure =
        "Units are those the population definition selects; a unit's stratum is its AGB (provider), its product category (category) or 'all'. "
        + "Size n: given, or ceil(n0 / (1 + (n0 - 1) / N)) with n0 = z^2 p (1 - p) / e^2 and z the two-sided normal quantile of the confidence. "
        + "Allocation: each stratum gets floor(n N_h / N); the units left go one each to the strata with the largest remainders (ties: stratum name, ordinal). "
        + "Draw: in each stratum sort the units by lowercase hex SHA-256 of the UTF-8 text seed + ':' + key (ties: key, ordinal) and take the first n_h.";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the four files into <paramref name="folder"/> (created when missing); returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, SampleResult result, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(folder);
        var files = new (string Name, string Content)[]
        {
            (FrameFile, FrameJson(result)),
            (StrataFile, StrataCsv(result)),
            (SelectedFile, SelectedCsv(result)),
            (PopulationFile, PopulationCsv(result)),
        };
        var paths = new List<string>();
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(folder, name);
            await File.WriteAllTextAsync(path, content, Utf8, cancellationToken).ConfigureAwait(false);
            paths.Add(path);
        }

        return paths;
    }

    public static string FrameJson(SampleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var frame = result.Frame;
        var population = frame.Population;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("procedure", Procedure);
            json.WriteNumber("seed", frame.Seed);

            json.WriteStartObject("population");
            json.WriteString("unitType", population.UnitType);
            json.WriteString("fromMonth", population.PeriodStart.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            json.WriteString("toMonth", population.PeriodEnd.ToString("yyyy-MM", CultureInfo.InvariantCulture));
            json.WriteString("periodRule", "ProductPeriode begins within [fromMonth first day, toMonth last day]");
            List("gemeenten", population.Gemeenten);
            List("providers", population.Providers);
            List("productCategories", population.ProductCategories);
            List("productCodes", population.ProductCodes);
            json.WriteBoolean("includeCredits", population.IncludeCredits);
            json.WriteBoolean("includeRejected", population.IncludeRejected);
            json.WriteNumber("count", result.PopulationCount);
            json.WriteEndObject();

            json.WriteStartObject("strata");
            json.WriteString("by", Sampler.StrataText(frame.Strata));
            json.WriteString("allocation", "proportional, largest remainder");
            json.WriteEndObject();

            json.WriteStartObject("size");
            json.WriteNumber("n", result.SampleSize);
            json.WriteString("basis", result.SizeBasis);
            if (frame.Size is { } given)
            {
                json.WriteNumber("given", given);
            }

            if (frame.Precision is { } precision)
            {
                json.WriteNumber("confidence", precision.Confidence);
                json.WriteNumber("margin", precision.Margin);
                json.WriteNumber("expectedProportion", precision.ExpectedProportion);
                json.WriteNumber("z", Math.Round(SampleSize.Z(precision.Confidence), 9));
                json.WriteNumber("n0", Math.Round(SampleSize.Initial(precision), 6));
            }

            json.WriteEndObject();

            json.WriteStartArray("strataAllocation");
            foreach (var stratum in result.Strata)
            {
                json.WriteStartObject();
                json.WriteString("stratum", stratum.Stratum);
                json.WriteNumber("population", stratum.PopulationCount);
                json.WriteNumber("quota", Math.Round(stratum.Quota, 6));
                json.WriteNumber("allocated", stratum.Allocated);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("selected");
            foreach (var unit in result.Selected)
            {
                json.WriteStartObject();
                json.WriteString("stratum", unit.Stratum);
                json.WriteNumber("rank", unit.Rank);
                json.WriteString("key", unit.Unit.Key);
                json.WriteString("hash", unit.Hash);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();

            void List(string name, IReadOnlyList<string> values)
            {
                json.WriteStartArray(name);
                foreach (var value in values)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string StrataCsv(SampleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("stratum,population,quota,allocated\n");
        foreach (var s in result.Strata)
        {
            Row(csv, s.Stratum, Number(s.PopulationCount), s.Quota.ToString("0.######", CultureInfo.InvariantCulture), Number(s.Allocated));
        }

        return csv.ToString();
    }

    public static string SelectedCsv(SampleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("stratum,rank,key,hash,unit_type,gemeente,agb,product_categorie,product_code,periode,bedrag,debet_credit\n");
        foreach (var r in result.Selected)
        {
            var u = r.Unit;
            Row(
                csv,
                r.Stratum,
                Number(r.Rank),
                u.Key,
                r.Hash,
                u.Type,
                u.Gemeente,
                u.Agb,
                u.ProductCategorie ?? string.Empty,
                u.ProductCode ?? string.Empty,
                u.Periode?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                u.Bedrag?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                u.Type == UnitType.Prestatie ? (u.Credit ? "C" : "D") : string.Empty);
        }

        return csv.ToString();
    }

    public static string PopulationCsv(SampleResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("stratum,rank,key,hash,selected\n");
        foreach (var r in result.Population)
        {
            Row(csv, r.Stratum, Number(r.Rank), r.Unit.Key, r.Hash, r.Selected ? "1" : "0");
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var field = fields[i];
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }

        csv.Append('\n');
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
