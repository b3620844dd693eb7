namespace Berichtenverkeer.Processing.Routing;

public enum DeliveryKind
{
    /// <summary>A valid message passed on to its recipient.</summary>
    Routed,

    /// <summary>The iJw answer to the sender: a retour (JW302…JW320) or the declaration answer JW325.</summary>
    Answer,

    /// <summary>An out-of-band notice where iJw has no retour: level-1 failure, refused sender, JW325 findings.</summary>
    ErrorNotice,
}

/// <summary>Something to send to one party's outbound queue, keyed by its gemeentecode or AGB code.</summary>
public sealed record Delivery(string DeliveryId, string Recipient, DeliveryKind Kind, string? MessageType, string FileName, byte[] Content);
