using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Processing;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Processing.Routing;

namespace Berichtenverkeer.Store.Schema;

/// <summary>A row to write to the outbox: a delivery or an audit event of one message.</summary>
internal sealed record OutboxRow(string MessageId, Delivery? Delivery, AuditEvent? AuditEvent);

/// <summary>The inbox (claim check), ledger and outbox tables of migration 0002, mapped once for both dialects.</summary>
internal static class LedgerTables
{
    private const ColumnType Text = ColumnType.Text;
    private const ColumnType Int64 = ColumnType.Int64;
    private const ColumnType Timestamp = ColumnType.Timestamp;
    private const ColumnType Bytes = ColumnType.Bytes;

    public static readonly Table<InboundMessage> Inbound = new(
        "inbound",
        hasId: false,
        [
            new("message_id", Text, r => r.MessageId),
            new("received_at", Timestamp, r => r.ReceivedAt),
            new("channel", Text, r => r.Channel),
            new("party", Text, r => r.AuthenticatedParty),
            new("file_name", Text, r => r.FileName),
            new("content", Bytes, r => r.Content.ToArray()),
        ],
        c =>
        {
            var id = c.Text();
            var at = c.Timestamp();
            var channel = c.Text();
            var party = c.NullableText();
            var file = c.NullableText();
            return new InboundMessage(id, c.NullableBytes() ?? [], channel, party, at, file);
        },
        ignoreConflictsOn: "message_id");

    /// <summary>The ledger row; its content lives in <see cref="Inbound"/> and its deliveries in the outbox.</summary>
    public static readonly Table<LedgerRecord> Ledger = new(
        "ledger",
        hasId: false,
        [
            new("message_id", Text, r => r.MessageId),
            new("received_at", Timestamp, r => r.ReceivedAt),
            new("channel", Text, r => r.Channel),
            new("party", Text, r => r.AuthenticatedParty),
            new("content_hash", Text, r => r.ContentHash),
            new("message_type", Text, r => r.MessageType),
            new("afzender", Text, r => r.Afzender),
            new("ontvanger", Text, r => r.Ontvanger),
            new("identificatie", Text, r => r.Identificatie),
            new("disposition", Text, r => r.Disposition.ToString()),
            new("failed_level", Int64, r => r.FailedLevel),
            new("rule_codes", Text, r => string.Join(' ', r.RuleCodes)),
        ],
        c => new LedgerRecord
        {
            MessageId = c.Text(),
            ReceivedAt = c.Timestamp(),
            Channel = c.Text(),
            AuthenticatedParty = c.NullableText(),
            ContentHash = c.Text(),
            Content = [],
            MessageType = c.NullableText(),
            Afzender = c.NullableText(),
            Ontvanger = c.NullableText(),
            Identificatie = c.NullableText(),
            Disposition = Enum.Parse<Disposition>(c.Text()),
            FailedLevel = c.NullableInt64() is { } level ? (int)level : null,
            RuleCodes = c.Text().Split(' ', StringSplitOptions.RemoveEmptyEntries),
        });

    public static readonly Table<OutboxRow> Outbox = new(
        "outbox",
        hasId: true,
        [
            new("message_id", Text, r => r.MessageId),
            new("delivery_id", Text, r => r.Delivery?.DeliveryId),
            new("recipient", Text, r => r.Delivery?.Recipient),
            new("delivery_kind", Text, r => r.Delivery?.Kind.ToString()),
            new("message_type", Text, r => r.Delivery?.MessageType),
            new("file_name", Text, r => r.Delivery?.FileName),
            new("content", Bytes, r => r.Delivery?.Content),
            new("audit_event", Text, r => r.AuditEvent is null ? null : AuditJson.Serialize(r.AuditEvent)),
        ],
        c =>
        {
            var messageId = c.Text();
            var deliveryId = c.NullableText();
            var recipient = c.NullableText();
            var kind = c.NullableText();
            var type = c.NullableText();
            var file = c.NullableText();
            var content = c.NullableBytes();
            var audit = c.NullableText();
            var delivery = deliveryId is null
                ? null
                : new Delivery(deliveryId, recipient!, Enum.Parse<DeliveryKind>(kind!), type, file!, content ?? []);
            return new OutboxRow(messageId, delivery, audit is null ? null : AuditJson.Deserialize(audit));
        });
}
