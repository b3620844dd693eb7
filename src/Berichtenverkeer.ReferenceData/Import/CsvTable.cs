using System.Text;

namespace Berichtenverkeer.ReferenceData.Import;

/// <summary>One data record of a CSV file with the line it starts on.</summary>
internal sealed record CsvRow(int Line, string[] Fields);

/// <summary>
/// A small RFC 4180 reader for spreadsheet exports: header row required, separator <c>;</c> or <c>,</c> detected from the
/// header, fields optionally quoted (<c>""</c> escapes a quote; quoted fields may hold separators and line breaks),
/// unquoted fields trimmed, empty lines skipped. Line numbers are physical lines, the header being line 1.
/// </summary>
internal sealed class CsvTable
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private CsvTable(char separator, string[] header, List<CsvRow> rows)
    {
        Separator = separator;
        Header = header;
        Rows = rows;
    }

    public char Separator { get; }

    /// <summary>Column names as found, trimmed and lower-cased.</summary>
    public string[] Header { get; }

    public List<CsvRow> Rows { get; }

    /// <summary>Decodes UTF-8 with or without BOM; invalid bytes (a Windows-1252 export) are an error rather than silent garbage.</summary>
    public static string? ReadText(Stream stream, string file, List<ImportError> errors)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new ImportError(file, 0, null, "is not valid UTF-8 text (save it as \"CSV UTF-8\")"));
            return null;
        }
    }

    public static CsvTable? Parse(string text, string file, List<ImportError> errors)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var separator = DetectSeparator(text);
        var records = Split(text, separator, file, errors);
        if (records.Count == 0)
        {
            errors.Add(new ImportError(file, 0, null, "is empty: a header row is required"));
            return null;
        }

        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        return new CsvTable(separator, header, records.Skip(1).ToList());
    }

    /// <summary>The separator of the header line: whichever of <c>;</c> and <c>,</c> occurs more often outside quotes (<c>;</c> on a tie).</summary>
    internal static char DetectSeparator(string text)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
        }

        return commas > semicolons ? ',' : ';';
    }

    private static List<CsvRow> Split(string text, char separator, string file, List<ImportError> errors)
    {
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var fieldQuoted = false;
        var fieldStarted = false;
        var recordHasContent = false;

        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"' && !fieldStarted && !fieldQuoted)
            {
                // A quoted field: read to the closing quote; "" is a quote.
                field.Clear();
                fieldQuoted = true;
                recordHasContent = true;
                i++;
                var closed = false;
                while (i < text.Length)
                {
                    var q = text[i];
                    if (q == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    if (q == '\n' || (q == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(q);
                    i++;
                }

                if (!closed)
                {
                    errors.Add(new ImportError(file, recordLine, null, "has a quote that is never closed"));
                    return rows;
                }

                // Only blanks may follow the closing quote.
                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    i++;
                }

                if (i < text.Length && text[i] != separator && text[i] is not '\r' and not '\n')
                {
                    errors.Add(new ImportError(file, recordLine, null, "has text after a closing quote (a quote inside a field must be doubled)"));
                    while (i < text.Length && text[i] != separator && text[i] is not '\r' and not '\n')
                    {
                        i++;
                    }
                }

                continue;
            }

            if (c == separator)
            {
                fields.Add(fieldQuoted ? field.ToString() : field.ToString().Trim());
                field.Clear();
                fieldQuoted = false;
                fieldStarted = false;
                i++;
                continue;
            }

            if (c is '\r' or '\n')
            {
                EndRecord();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                recordLine = line;
                continue;
            }

            if (c != ' ' && c != '\t')
            {
                recordHasContent = true;
                fieldStarted = true;
            }

            field.Append(c);
            i++;
        }

        EndRecord();
        return rows;

        void EndRecord()
        {
            fields.Add(fieldQuoted ? field.ToString() : field.ToString().Trim());
            if (recordHasContent)
            {
                rows.Add(new CsvRow(recordLine, [.. fields]));
            }

            fields.Clear();
            field.Clear();
            fieldQuoted = false;
            fieldStarted = false;
            recordHasContent = false;
        }
    }
}
