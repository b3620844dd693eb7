namespace Berichtenverkeer.Contracts;

/// <summary>
/// Command a party's system sends to the RabbitMQ inbound queue: one iJw message as XML text. The broker user the
/// party connects with authenticates it (RabbitMQ validates the user_id property).
/// </summary>
public sealed record SubmitIjwMessage(string Xml, string? FileName);
