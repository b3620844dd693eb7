using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Berichtenverkeer.Audit.Trail;

/// <summary>
/// The canonical JSON form the trail hashes: RFC 8785 (JCS) restricted to what trail payloads hold, so any tool can
/// reproduce the bytes. Rules (see Trail/README.md):
/// <list type="number">
/// <item>no insignificant whitespace; members of every object sorted by key, comparing the keys' UTF-16 code units
/// (for the ASCII keys the gateway writes: byte order);</item>
/// <item>strings: <c>"</c> and <c>\</c> escaped as <c>\"</c> and <c>\\</c>; U+0008, U+0009, U+000A, U+000C, U+000D as
/// <c>\b \t \n \f \r</c>; other code points below U+0020 as <c>\u00xx</c> (lowercase hex); everything else literally;</item>
/// <item>numbers: integers only (|n| ≤ 2^53 − 1), written in decimal without sign for positives, exponent or leading
/// zeros; a fraction or exponent is refused (amounts are eurocents, other values strings);</item>
/// <item><c>true</c>, <c>false</c>, <c>null</c> as is; duplicate keys are refused;</item>
/// <item>the result is encoded as UTF-8 without a byte order mark.</item>
/// </list>
/// For such values this equals Python's <c>json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)</c>.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The largest integer every JSON implementation reads exactly (IEEE double).</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The canonical text of a JSON document.</summary>
    /// <exception cref="FormatException">Not JSON, a duplicate key, or a non-integer number.</exception>
    public static string Canonicalize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Canonicalize(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not valid JSON: {e.Message}", e);
        }
    }

    public static string Canonicalize(JsonNode? node) => node is null ? "null" : Canonicalize(node.ToJsonString());

    public static string Canonicalize(JsonElement element)
    {
        var builder = new StringBuilder();
        Write(builder, element);
        return builder.ToString();
    }

    /// <summary>The UTF-8 bytes of the canonical text (strict: a lone surrogate is refused, never replaced).</summary>
    public static byte[] Utf8(string canonical)
    {
        try
        {
            return StrictUtf8.GetBytes(canonical);
        }
        catch (EncoderFallbackException e)
        {
            throw new FormatException("The JSON holds a string that is not valid Unicode (a lone surrogate).", e);
        }
    }

    private static void Write(StringBuilder builder, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<(string Key, JsonElement Value)>();
                var keys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!keys.Add(property.Name))
                    {
                        throw new FormatException($"Duplicate key '{property.Name}': a canonical payload needs unique keys.");
                    }

                    members.Add((property.Name, property.Value));
                }

                // string.CompareOrdinal compares UTF-16 code units, as RFC 8785 §3.2.3 requires.
                members.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
                builder.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    AppendString(builder, members[i].Key);
                    builder.Append(':');
                    Write(builder, members[i].Value);
                }

                builder.Append('}');
                break;

            case JsonValueKind.Array:
                builder.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    Write(builder, item);
                }

                builder.Append(']');
                break;

            case JsonValueKind.String:
                AppendString(builder, element.GetString()!);
                break;

            case JsonValueKind.Number:
                if (!element.TryGetInt64(out var number) || number is > MaxSafeInteger or < -MaxSafeInteger)
                {
                    throw new FormatException(
                        $"The number {element.GetRawText()} is not an integer within ±(2^53 − 1): trail payloads hold integers only.");
                }

                builder.Append(number.ToString(CultureInfo.InvariantCulture));
                break;

            case JsonValueKind.True:
                builder.Append("true");
                break;

            case JsonValueKind.False:
                builder.Append("false");
                break;

            case JsonValueKind.Null:
                builder.Append("null");
                break;

            default:
                throw new FormatException($"Unexpected JSON value kind {element.ValueKind}.");
        }
    }

    internal static void AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case < ' ':
                    builder.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }
}
