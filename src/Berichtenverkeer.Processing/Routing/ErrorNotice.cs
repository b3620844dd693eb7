using System.Text.Json;
using System.Text.Json.Serialization;
using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Processing.Routing;

/// <summary>
/// The out-of-band report for what iJw cannot answer with a retour: a level-1 failure (IV032), a refused sender,
/// or findings on a JW325 (OP090x2). JSON, so a sender's system can read it; it never holds a BSN.
/// </summary>
public sealed record ErrorNotice(
    string MessageId,
    DateTimeOffset ReceivedAt,
    string Reason,
    string? MessageType,
    string? Identificatie,
    IReadOnlyList<ErrorNoticeItem> Errors)
{
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, ErrorNoticeJson.Default.ErrorNotice);

    public static IReadOnlyList<ErrorNoticeItem> From(IEnumerable<ValidationError> errors) =>
        errors.Select(e => new ErrorNoticeItem(e.Level, e.Rule, e.Line, e.Column, e.Path, e.Message)).ToList();
}

public sealed record ErrorNoticeItem(int Level, string? Rule, int Line, int Column, string Path, string Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ErrorNotice))]
internal sealed partial class ErrorNoticeJson : JsonSerializerContext;
