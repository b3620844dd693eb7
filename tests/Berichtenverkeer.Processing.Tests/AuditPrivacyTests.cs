using System.Security.Cryptography;
using System.Text;
using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Processing.Routing;
using Berichtenverkeer.Processing.Tests.Support;
using Berichtenverkeer.Tests.Support;

namespace Berichtenverkeer.Processing.Tests;

/// <summary>
/// The audit trail names a client only by a keyed pseudonym and proves what was handled by its content hash; no
/// event and no out-of-band error notice ever carries a BSN, whatever the disposition.
/// </summary>
public sealed class AuditPrivacyTests : IAsyncLifetime
{
    private PipelineHarness _h = null!;

    public async Task InitializeAsync() => _h = await PipelineHarness.CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task audit_events_carry_the_content_hash_and_the_pseudonym()
    {
        var xml = Traffic.Text("JW301").Without("ReferentieAanbieder");

        var record = await _h.ProcessAsync(xml, Traffic.Gemeente);

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(xml)));
        Assert.Equal(hash, record.ContentHash);
        var events = (await _h.AuditTrailAsync()).Where(e => e.MessageId == record.MessageId).ToList();
        Assert.Equal([AuditStep.Received, AuditStep.Validated, AuditStep.Routed, AuditStep.Answered], events.Select(e => e.Step));
        Assert.All(events.Where(e => e.Step != AuditStep.Answered), e => Assert.Equal(hash, e.ContentHash));
        var answer = record.Deliveries.Single(d => d.Kind == DeliveryKind.Answer);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(answer.Content)), events.Single(e => e.Step == AuditStep.Answered).ContentHash);
        var pseudonym = _h.Pseudonyms.Pseudonym(Traffic.Bsn);
        Assert.All(events, e => Assert.Equal([pseudonym], e.ClientPseudonyms));
        Assert.All(events, e => Assert.Equal(("JW301", Traffic.Gemeente, Traffic.Agb), (e.MessageType, e.Afzender, e.Ontvanger)));
    }

    [Fact]
    public async Task no_audit_event_and_no_error_notice_contains_a_bsn_whatever_the_disposition()
    {
        var client = new Traffic.Client(7);
        var jw301 = Traffic.Text("JW301").Without("ReferentieAanbieder");
        var submissions = new List<(string Xml, string Party)>
        {
            (jw301, Traffic.Gemeente),                                                    // routed + answered
            (jw301, Traffic.Gemeente),                                                    // duplicate
            (jw301.Set("Commentaar", "Anders"), Traffic.Gemeente),                         // 9056
            (Traffic.Text("JW305"), "87654321"),                                          // refused
            (Traffic.Text("JW305").Set("Bsn", "999900007"), Traffic.Agb),                 // level 2, BSN fails the 11-test
            (Traffic.Text("JW301").Set("Geslacht", "7"), Traffic.Gemeente),               // level 1, BSN intact
            (Traffic.Text("JW301").Set("Bsn", "99990000X"), Traffic.Gemeente),             // level 1 on the BSN itself
            (Traffic.Text("JW301").Set("Bsn", Traffic.Bsn + "1"), Traffic.Gemeente),       // level 1, one digit too many
            (client.Jw305(), client.Agb),                                                 // 9019: start before assignment
            (Traffic.Text("JW325"), Traffic.Gemeente),                                    // findings on a JW325: a notice
            (Traffic.Text("JW302"), Traffic.Agb),                                         // a retour, routed
        };
        foreach (var (xml, party) in submissions)
        {
            await _h.ProcessAsync(xml, party);
        }

        var bsns = new[] { Traffic.Bsn, client.Bsn, "999900007", "99990000" };
        var events = await _h.AuditTrailAsync();
        Assert.NotEmpty(events);
        foreach (var json in events.Select(AuditJson.Serialize))
        {
            Assert.All(bsns, bsn => Assert.DoesNotContain(bsn, json, StringComparison.Ordinal));
        }

        var notices = (await _h.OutboxAsync()).Where(d => d.Kind == DeliveryKind.ErrorNotice).ToList();
        Assert.True(notices.Count >= 5, $"expected notices for 3 level-1 failures, the refusal and the JW325 findings; got {notices.Count}");
        foreach (var text in notices.Select(n => Encoding.UTF8.GetString(n.Content)))
        {
            Assert.All(bsns, bsn => Assert.DoesNotContain(bsn, text, StringComparison.Ordinal));
        }

        // The ledger's own columns hold no BSN either (rule codes, parties, identificatie).
        var records = await Task.WhenAll(events.Select(e => e.MessageId).Distinct().Select(id => _h.Store.FindAsync(id)));
        Assert.Contains(records, r => r!.Disposition == Disposition.Invalid);
        Assert.Contains(records, r => r!.Disposition == Disposition.Refused);
        Assert.Contains(records, r => r!.Disposition == Disposition.Duplicate);
        foreach (var r in records)
        {
            var columns = string.Join('|', r!.MessageType, r.Afzender, r.Ontvanger, r.Identificatie, string.Join(' ', r.RuleCodes), r.AuthenticatedParty);
            Assert.All(bsns, bsn => Assert.DoesNotContain(bsn, columns, StringComparison.Ordinal));
        }
    }
}
