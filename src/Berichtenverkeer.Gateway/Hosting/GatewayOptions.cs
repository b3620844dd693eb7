using System.ComponentModel.DataAnnotations;

namespace Berichtenverkeer.Gateway.Hosting;

public enum Transport
{
    /// <summary>MassTransit's in-memory transport: the embedded default, no servers.</summary>
    InMemory,

    /// <summary>RabbitMQ with quorum queues and publisher confirms: production.</summary>
    RabbitMq,
}

/// <summary>Bound from the "Gateway" section and environment variables (Gateway__Transport=RabbitMq …).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    public Transport Transport { get; set; } = Transport.InMemory;

    /// <summary>
    /// The first part of every queue name (&lt;prefix&gt;-process-N, &lt;prefix&gt;-inbound, &lt;prefix&gt;-party-&lt;code&gt;), so
    /// separate gateways or test runs can share one broker.
    /// </summary>
    [RegularExpression("^[a-z0-9][a-z0-9._-]{0,100}$")]
    public string QueuePrefix { get; set; } = Messaging.QueueNames.DefaultPrefix;

    /// <summary>Processing partitions; traffic of one municipality–provider pair always lands in the same one.</summary>
    [Range(1, 256)]
    public int Partitions { get; set; } = 8;

    /// <summary>Deliveries up to this size carry their XML on the bus; larger ones are fetched by id (claim check).</summary>
    [Range(0, 16 * 1024 * 1024)]
    public int InlineDeliveryBytes { get; set; } = 256 * 1024;

    /// <summary>API key → party code (AGB or gemeentecode), for the HTTP ingress.</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = [];

    /// <summary>
    /// Party code → role, for callers that are not message parties: "Auditor" may list and triage fraud-suspicion
    /// signals (<see cref="Audit.AuditorAccess"/>). Parties without an entry only send messages.
    /// </summary>
    public Dictionary<string, string> Roles { get; set; } = [];

    /// <summary>Client certificate thumbprint → party code, for the HTTP ingress behind mutual TLS.</summary>
    public Dictionary<string, string> Certificates { get; set; } = [];

    /// <summary>Broker user → party code, for the RabbitMQ inbound queue (RabbitMQ validates the user_id property).</summary>
    public Dictionary<string, string> BrokerUsers { get; set; } = [];

    /// <summary>Root of the drop folders: one sub-folder per party code, whose file permissions authenticate it.</summary>
    public string? DropFolder { get; set; }

    /// <summary>Base64 HMAC key (≥ 32 bytes) for client pseudonyms in audit events.</summary>
    public string? PseudonymKey { get; set; }

    /// <summary>Fixes the system date level-4 rules use (yyyy-MM-dd); empty means today in Europe/Amsterdam.</summary>
    public string? Today { get; set; }

    /// <summary>
    /// How long one send to the broker (a processing command from ingress, a delivery from the outbox) may take,
    /// publisher confirm included. A send whose connection was lost can wait for a confirm that never comes; after this
    /// it fails (ingress answers an error, so the sender sends again; the outbox tries again) instead of hanging.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the outbox dispatcher looks for work when it was idle.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);
}
