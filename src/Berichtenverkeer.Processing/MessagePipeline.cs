using System.Security.Cryptography;
using Berichtenverkeer.Answers;
using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Audit.Pseudonyms;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Ijw.Verdicts;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Processing.Routing;
using Berichtenverkeer.ReferenceData;
using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Processing;

/// <summary>
/// Takes one received message through the gateway: level 1–2 validation, the sender check, idempotency, level 3–4
/// matching, the iJw answer, the routing decision and the audit events — and records all of it, with the state
/// changes, in one ledger transaction. Plain C#: the bus consumers, the replay command and the tests call it alike.
/// </summary>
public sealed class MessagePipeline(
    MessageValidator validator,
    IStateStore state,
    IMessageLedger ledger,
    Func<IReferenceData> reference,
    BsnPseudonymizer pseudonyms,
    PipelineOptions options)
{
    public async Task<LedgerRecord> ProcessAsync(InboundMessage inbound, DateOnly today, CancellationToken cancellationToken = default)
    {
        // A broker redelivery of a message already recorded: its effects are done, its deliveries are in the outbox.
        if (await ledger.FindAsync(inbound.MessageId, cancellationToken).ConfigureAwait(false) is { } done)
        {
            return done;
        }

        for (var attempt = 1; ; attempt++)
        {
            var (record, changes) = await EvaluateAsync(inbound, today, cancellationToken).ConfigureAwait(false);
            try
            {
                await ledger.RecordAsync(record, changes, cancellationToken).ConfigureAwait(false);
                return record;
            }
            catch (StateConflictException)
            {
                // Another worker recorded this very message first (an overlapping redelivery): its record stands.
                if (await ledger.FindAsync(inbound.MessageId, cancellationToken).ConfigureAwait(false) is { } recorded)
                {
                    return recorded;
                }

                // A concurrent worker established the same fact first (same Identificatie, reference, key …):
                // evaluate again against the state that now includes it, so the rules decide, not the race.
                if (attempt >= options.ConflictRetries)
                {
                    throw;
                }
            }
        }
    }

    private async Task<(LedgerRecord Record, StateChanges? Changes)> EvaluateAsync(InboundMessage inbound, DateOnly today, CancellationToken ct)
    {
        var bytes = inbound.Content.ToArray();
        var facts = new Facts(inbound, Sha256(bytes), bytes);
        var validation = validator.Validate(inbound.Content);
        if (validation.Message is not { } message || validation.Tree is null)
        {
            return (facts.Invalid(validation), null);
        }

        facts.Know(message, pseudonyms);
        var (sender, recipient) = Parties.Of(message);
        if (inbound.AuthenticatedParty is { } party && party != sender)
        {
            return (facts.Refused(party, sender), null);
        }

        var previous = await ledger.FindDuplicateAsync(message.Header.Afzender, message.Type.Name, message.Header.BerichtIdentificatie.Identificatie, facts.Hash, ct)
            .ConfigureAwait(false);
        if (previous is not null)
        {
            return (facts.Duplicate(previous), null);
        }

        if (validation.FailedLevel == 2)
        {
            var verdict = Verdict.Level2(validation.FailedRules);
            return (facts.Rejected(Answer(message, validation, verdict, today, facts), validation.FailedRules, 2), null);
        }

        if (message.Type.IsRetour)
        {
            // Retours are never answered and carry no rules beyond the XSD (README §6.1): pass them on.
            return (facts.Routed(recipient, [], answer: null, findings: []), null);
        }

        var snapshot = await state.LoadAsync(StateScope.Of(message), ct).ConfigureAwait(false);
        var match = new Matcher(reference(), options.Matching).Match(message, snapshot, new ReceivedMessage(inbound.MessageId, facts.Hash, inbound.ReceivedAt), today);
        var answer = Answer(message, validation, match.Verdict, today, facts);
        var codes = match.Findings.Select(f => f.Retourcode).Distinct().ToList();
        var routed = message switch
        {
            Jw323Message => match.Changes.Declaration is not null,
            Jw325Message => true,
            _ => match.Verdict.IsClean,
        };
        var record = routed
            ? facts.Routed(recipient, codes, answer, match.Findings)
            : facts.Rejected(answer, codes, match.Findings.Min(f => f.Level));

        // A header rejection (9056, 8848, S300) leaves no state: the message counts as not received, and under TR056
        // its Identificatie already belongs to the earlier message. The ledger still records it.
        return (record, match.Verdict.HeaderCodes.Count > 0 ? null : match.Changes);
    }

    private Delivery? Answer(IjwMessage message, ValidationResult validation, Verdict verdict, DateOnly today, Facts facts)
    {
        var id = facts.AnswerIdentificatie();
        switch (AnswerRouting.For(message.Type))
        {
            case AnswerKind.Retour:
                var retour = RetourBuilder.Build(validation.Tree!, message.Type, verdict, new RetourIdentity(id, today) { XsltVersie = XsltFor(verdict) });
                return facts.AnswerDelivery(retour.Type.Name, retour.Xml);
            case AnswerKind.DeclaratieAntwoord:
                var jw325 = DeclaratieAntwoordBuilder.Build((Jw323Message)message, verdict, new DeclaratieAntwoordIdentity(id, today) { XsltVersie = XsltFor(verdict) }, validation.Tree);
                return facts.AnswerDelivery(MessageTypes.JW325.Name, jw325.Xml);
            default:
                return null;
        }
    }

    private string? XsltFor(Verdict verdict) => verdict.TechnicallyRejected ? options.XsltVersie : null;

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>What is known about the message being processed, and how each disposition is written down.</summary>
    private sealed class Facts(InboundMessage inbound, string hash, byte[] content)
    {
        private IjwMessage? _message;
        private IReadOnlyList<string> _pseudonyms = [];
        private int _deliveries;

        public string Hash { get; } = hash;

        public void Know(IjwMessage message, BsnPseudonymizer pseudonymizer)
        {
            _message = message;
            _pseudonyms = message.Bsns.Distinct().Select(pseudonymizer.Pseudonym).ToList();
        }

        /// <summary>At most 12 characters (RS017), derived from the message id so a replay writes the same answers.</summary>
        public string AnswerIdentificatie() =>
            "BV" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(inbound.MessageId)))[..10];

        public Delivery AnswerDelivery(string type, byte[] xml) =>
            Delivery(Sender, DeliveryKind.Answer, type, $"{Stem}.{type}.xml", xml);

        public LedgerRecord Invalid(ValidationResult validation)
        {
            var notice = new ErrorNotice(inbound.MessageId, inbound.ReceivedAt, "The message fails control level 1 (XSD); iJw has no retour for this.", validation.Type?.Name, null, ErrorNotice.From(validation.Errors));
            return Record(Disposition.Invalid, 1, [], [Notice(inbound.AuthenticatedParty ?? "onbekend", notice)], Event(AuditStep.Rejected, [], "level 1 (XSD)"));
        }

        public LedgerRecord Refused(string party, string sender)
        {
            var notice = new ErrorNotice(inbound.MessageId, inbound.ReceivedAt, $"Refused: the header names sender {sender}, but the message was sent by {party}.", _message!.Type.Name, _message.Header.BerichtIdentificatie.Identificatie, []);
            return Record(Disposition.Refused, null, [], [Notice(party, notice)], Event(AuditStep.Refused, [], $"authenticated as {party}, header sender {sender}"));
        }

        public LedgerRecord Duplicate(LedgerRecord previous)
        {
            var again = previous.Deliveries.Where(d => d.Kind == DeliveryKind.Answer)
                .Select(d => d with { DeliveryId = $"{inbound.MessageId}-{++_deliveries}", FileName = $"{Stem}.{d.MessageType}.xml" })
                .ToList();
            return Record(Disposition.Duplicate, previous.FailedLevel, previous.RuleCodes, again, Event(AuditStep.Duplicate, previous.RuleCodes, $"same content as message {previous.MessageId}; answered again, not routed"));
        }

        public LedgerRecord Rejected(Delivery? answer, IReadOnlyList<string> codes, int level)
        {
            var deliveries = answer is null ? new List<Delivery>() : [answer];
            var events = new List<AuditEvent> { Event(AuditStep.Rejected, codes, $"level {level}") };
            if (answer is not null)
            {
                events.Add(Event(AuditStep.Answered, codes, $"{answer.MessageType} to {answer.Recipient}", answer.Content));
            }

            return Record(Disposition.Rejected, level, codes, deliveries, [.. events]);
        }

        public LedgerRecord Routed(string recipient, IReadOnlyList<string> codes, Delivery? answer, IReadOnlyList<RuleFinding> findings)
        {
            var deliveries = new List<Delivery> { Delivery(recipient, DeliveryKind.Routed, _message!.Type.Name, $"{Stem}.xml", content) };
            var events = new List<AuditEvent> { Event(AuditStep.Validated, [], null), Event(AuditStep.Routed, codes, $"to {recipient}") };
            if (answer is not null)
            {
                deliveries.Add(answer);
                events.Add(Event(AuditStep.Answered, codes, $"{answer.MessageType} to {answer.Recipient}", answer.Content));
            }
            else if (findings.Count > 0)
            {
                // JW325 findings (TR337, TR366 …) have no retour: the sender hears of them out of band (OP090x2).
                var items = findings.Select(f => new ErrorNoticeItem(f.Level, f.Rule, 0, 0, f.Path, $"{f.Rule} failed ({f.Retourcode})")).ToList();
                deliveries.Add(Notice(Sender, new ErrorNotice(inbound.MessageId, inbound.ReceivedAt, "Findings on a message that has no retour.", _message.Type.Name, _message.Header.BerichtIdentificatie.Identificatie, items)));
            }

            return Record(Disposition.Routed, null, codes, deliveries, [.. events]);
        }

        private string Sender => _message is null ? inbound.AuthenticatedParty ?? "onbekend" : Parties.Of(_message).Sender;

        private string Stem => Path.GetFileNameWithoutExtension(inbound.FileName) is { Length: > 0 } name ? name : inbound.MessageId;

        private Delivery Notice(string recipient, ErrorNotice notice) =>
            Delivery(recipient, DeliveryKind.ErrorNotice, null, $"{Stem}.error.json", notice.ToJson());

        private Delivery Delivery(string recipient, DeliveryKind kind, string? type, string fileName, byte[] bytes) =>
            new($"{inbound.MessageId}-{++_deliveries}", recipient, kind, type, fileName, bytes);

        private AuditEvent Event(string step, IReadOnlyList<string> codes, string? detail, byte[]? about = null) => new()
        {
            Step = step,
            MessageId = inbound.MessageId,
            MessageType = _message?.Type.Name,
            Afzender = _message?.Header.Afzender,
            Ontvanger = _message?.Header.Ontvanger,
            Identificatie = _message?.Header.BerichtIdentificatie.Identificatie,
            At = inbound.ReceivedAt,
            ContentHash = about is null ? Hash : Sha256(about),
            RuleCodes = codes,
            ClientPseudonyms = _pseudonyms,
            Detail = detail,
        };

        private LedgerRecord Record(Disposition disposition, int? level, IReadOnlyList<string> codes, IReadOnlyList<Delivery> deliveries, params AuditEvent[] events) => new()
        {
            MessageId = inbound.MessageId,
            ReceivedAt = inbound.ReceivedAt,
            Channel = inbound.Channel,
            AuthenticatedParty = inbound.AuthenticatedParty,
            ContentHash = Hash,
            Content = content,
            MessageType = _message?.Type.Name,
            Afzender = _message?.Header.Afzender,
            Ontvanger = _message?.Header.Ontvanger,
            Identificatie = _message?.Header.BerichtIdentificatie.Identificatie,
            Disposition = disposition,
            FailedLevel = level,
            RuleCodes = codes,
            Deliveries = deliveries,
            AuditEvents = [Event(AuditStep.Received, [], $"via {inbound.Channel}"), .. events],
        };
    }
}
