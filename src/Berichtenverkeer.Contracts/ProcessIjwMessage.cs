namespace Berichtenverkeer.Contracts;

/// <summary>
/// Command: process a received iJw message. The XML itself stays in the gateway's inbox (claim check): this names it.
/// <paramref name="PartitionKey"/> keeps all traffic between one municipality and one provider in order.
/// </summary>
public sealed record ProcessIjwMessage(string MessageId, string Channel, string? AuthenticatedParty, DateTimeOffset ReceivedAt, string PartitionKey);
