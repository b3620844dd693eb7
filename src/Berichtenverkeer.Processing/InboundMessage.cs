namespace Berichtenverkeer.Processing;

/// <summary>
/// Raw bytes as they arrived, with who sent them. <paramref name="AuthenticatedParty"/> is the AGB or gemeente code
/// the channel authenticated (API key, certificate, broker user); null only where the sender is trusted to be the
/// header's Afzender (replay of an archive).
/// </summary>
public sealed record InboundMessage(
    string MessageId,
    ReadOnlyMemory<byte> Content,
    string Channel,
    string? AuthenticatedParty,
    DateTimeOffset ReceivedAt,
    string? FileName = null);
