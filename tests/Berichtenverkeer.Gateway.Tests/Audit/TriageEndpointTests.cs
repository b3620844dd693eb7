using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Tests.Support;

namespace Berichtenverkeer.Gateway.Tests.Audit;

/// <summary>POST /signals/{id}/triage: only for a party with the Auditor role; every change lands in the trail.</summary>
public sealed class TriageEndpointTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bv-triage-http-");
    private EmbeddedGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _gateway = await EmbeddedGateway.StartAsync(Path.Combine(_folder.FullName, "gateway.db"), Path.Combine(_folder.FullName, "worm"));
        await new AuditTrail(_gateway.Store, _gateway.Store).RegisterSignalAsync(new TriageSignal("sig-1", Traffic.Gemeente, Traffic.Agb, "FR14"), "detector");
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task an_auditor_reviews_and_dismisses_a_signal_and_both_steps_are_trail_entries()
    {
        using var review = await PostAsync("sig-1", new { to = "review", by = "anna" });
        using var dismiss = await PostAsync("sig-1", new { to = "dismiss", reason = "BRP-datum gecorrigeerd", by = "anna" });

        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dismiss.StatusCode);
        var body = await dismiss.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("dismissed", "BRP-datum gecorrigeerd", "anna", 3L), (body.GetProperty("state").GetString(), body.GetProperty("reason").GetString(), body.GetProperty("updatedBy").GetString(), body.GetProperty("trailSequence").GetInt64()));
        var entries = await _gateway.Store.ReadTrailAsync(1, 100);
        var triage = entries.Where(e => e.Kind == TrailKind.Triage).Select(e => JsonDocument.Parse(e.Payload).RootElement).ToList();
        Assert.Equal(
            [("register", "new"), ("start_review", "under_review"), ("dismiss", "dismissed")],
            triage.Select(p => (p.GetProperty("action").GetString(), p.GetProperty("to").GetString())));
        Assert.True(AuditVerifier.Verify(entries).Intact);
    }

    [Fact]
    public async Task a_message_party_without_the_auditor_role_is_forbidden_and_an_unknown_key_unauthorised()
    {
        using var provider = await PostAsync("sig-1", new { to = "review", by = "piet" }, "key-" + Traffic.Agb);
        using var stranger = await PostAsync("sig-1", new { to = "review", by = "piet" }, "key-unknown");

        Assert.Equal(HttpStatusCode.Forbidden, provider.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(TriageState.New, (await _gateway.Store.FindSignalAsync("sig-1"))!.State);
    }

    [Fact]
    public async Task refusals_say_why_with_their_own_status()
    {
        using var unknown = await PostAsync("sig-9", new { to = "review", by = "anna" });
        using var illegal = await PostAsync("sig-1", new { to = "confirm", by = "anna" });
        using var badTarget = await PostAsync("sig-1", new { to = "ignore", by = "anna" });
        using var nobody = await PostAsync("sig-1", new { to = "review" });
        await PostAsync("sig-1", new { to = "review", by = "anna" });
        using var noReason = await PostAsync("sig-1", new { to = "dismiss", by = "anna" });
        using var bsn = await PostAsync("sig-1", new { to = "dismiss", reason = "client 111222333", by = "anna" });

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity],
            new[] { unknown, illegal, badTarget, nobody, noReason, bsn }.Select(r => r.StatusCode));
        Assert.Contains("confirm is not allowed from new", await illegal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("dismiss needs a reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("111222333", await bsn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(TriageState.UnderReview, (await _gateway.Store.FindSignalAsync("sig-1"))!.State);
    }

    private async Task<HttpResponseMessage> PostAsync(string id, object body, string key = EmbeddedGateway.AuditorKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/signals/{id}/triage") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return await _gateway.Http.SendAsync(request);
    }
}
