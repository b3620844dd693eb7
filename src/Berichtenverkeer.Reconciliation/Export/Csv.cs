using System.Globalization;
using System.Text;

namespace Berichtenverkeer.Reconciliation.Export;

/// <summary>
/// CSV for Dutch spreadsheets: ';' separated, a header row, CRLF line ends, UTF-8 with BOM (so Excel picks UTF-8),
/// RFC 4180 quoting (a field holding ';', '"', CR or LF is quoted, quotes doubled). Numbers use the invariant culture.
/// Text fields starting with '=', '+', '-', '@', tab or CR get a leading apostrophe so no spreadsheet runs them as a
/// formula (codes in the reports never start that way; it is a guard, not a transformation of real data).
/// </summary>
public static class Csv
{
    public const char Separator = ';';
    public const string LineEnd = "\r\n";

    /// <summary>The UTF-8 byte-order mark written first.</summary>
    public static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>A field as written: quoted when needed.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(";\"\r\n") >= 0
            ? string.Concat("\"", value.Replace("\"", "\"\"", StringComparison.Ordinal), "\"")
            : value;
    }

    /// <summary>A text field with the formula guard applied.</summary>
    public static string? Text(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Number(long? value) => value is { } v ? Number(v) : string.Empty;

    public static string Number(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>Cents as euros with two decimals and a '.' point, no thousands separator: 123456 → "1234.56", -5 → "-0.05".</summary>
    public static string Euro(long cents)
    {
        var sign = cents < 0 ? "-" : string.Empty;
        var whole = Math.Abs(cents / 100);
        var rest = Math.Abs(cents % 100);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{whole}.{rest:00}");
    }

    public static string Euro(long? cents) => cents is { } c ? Euro(c) : string.Empty;

    /// <summary>The file's text without the BOM: header and rows, each line ended by CRLF.</summary>
    public static string Format<T>(IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.Append(Line(columns.Select(c => Field(c.Header))));
        foreach (var row in rows)
        {
            text.Append(Line(columns.Select(c => Field(c.IsText ? Text(c.Value(row)) : c.Value(row)))));
        }

        return text.ToString();
    }

    /// <summary>The whole file as bytes: UTF-8 BOM, header, rows.</summary>
    public static byte[] ToBytes<T>(IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows) =>
        [.. Bom, .. Encoding.UTF8.GetBytes(Format(columns, rows))];

    /// <summary>Writes <see cref="ToBytes"/> to the stream (reports are aggregates: small enough to build in memory).</summary>
    public static Task WriteAsync<T>(Stream stream, IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.WriteAsync(ToBytes(columns, rows), cancellationToken).AsTask();
    }

    private static string Line(IEnumerable<string> fields) => string.Join(Separator, fields) + LineEnd;
}

/// <summary>One CSV column: header, how to get the (unquoted) value, and whether it is text (formula guard) or a number.</summary>
public sealed record CsvColumn<T>(string Header, Func<T, string?> Value, bool IsText = false);
