using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berichtenverkeer.Cli.Validate;

/// <summary>
/// For machines: one JSON object per file per line (JSON Lines) with file, message, valid, level, retourcode and
/// errors [{level, rule, line, column, path, message}]. Nulls are written, so every line has every field.
/// </summary>
internal static class JsonLinesFormat
{
    // Relaxed escaping keeps quotes and accented names readable; the output is never embedded in HTML.
    private static readonly ValidateJsonContext Context = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });

    public static void Write(TextWriter writer, FileOutcome outcome) =>
        writer.WriteLine(JsonSerializer.Serialize(outcome, Context.FileOutcome));
}

[JsonSerializable(typeof(FileOutcome))]
internal sealed partial class ValidateJsonContext : JsonSerializerContext;
