namespace Berichtenverkeer.Contracts;

/// <summary>
/// Sent to a party's own outbound queue: a routed message, an answer or an error notice. Carries the XML only up to
/// the inline limit; larger content is fetched by <see cref="DeliveryId"/> from the gateway (claim check).
/// </summary>
public sealed record IjwDelivery(
    string DeliveryId,
    string MessageId,
    string Recipient,
    string Kind,
    string? MessageType,
    string FileName,
    string ContentHash,
    int Size,
    string? Content);
