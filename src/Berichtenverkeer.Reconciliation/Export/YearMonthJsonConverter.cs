using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Berichtenverkeer.Reconciliation.Export;

/// <summary>A month (its first day) as "yyyy-MM".</summary>
public sealed class YearMonthJsonConverter : JsonConverter<DateOnly>
{
    public const string Format = "yyyy-MM";

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateOnly.ParseExact(reader.GetString() ?? throw new JsonException("Month must be a string."), Format, CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
    }
}
