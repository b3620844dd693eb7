using System.Text.Json;
using Berichtenverkeer.Audit.Trail;
using Berichtenverkeer.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Audit;

/// <summary>
/// POST /signals/{id}/triage with <c>{"to": "review|dismiss|confirm", "reason": "…", "by": "user"}</c>, for an auditor
/// (<see cref="AuditorAccess"/>). The new state and its trail entry are written in one transaction. Answers: 200 the
/// signal's state; 400 a bad body; 404 an unknown signal; 409 someone else changed it first (reload and retry); 422 a
/// transition the rules refuse (not from this state, a missing reason, a BSN in the text).
/// </summary>
public static class TriageEndpoints
{
    public static void MapTriage(this IEndpointRouteBuilder app) =>
        app.MapPost("/signals/{id}/triage", TriageAsync).DisableAntiforgery();

    private static async Task<IResult> TriageAsync(
        string id,
        HttpContext http,
        IAuditTrailStore trail,
        ISignalTriageStore triage,
        TimeProvider time,
        IOptions<GatewayOptions> options)
    {
        if (AuditorAccess.Authorize(http, options.Value).Refusal is { } refusal)
        {
            return refusal;
        }

        TriageRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<TriageRequest>(http.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not JSON of the form {\"to\", \"reason\", \"by\"}");
        }

        if (TriageTarget.Parse(request?.To) is not { } target)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Say where the signal goes: \"to\" is {TriageTarget.Accepted}");
        }

        if (string.IsNullOrWhiteSpace(request!.By))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Say who acts: \"by\" is required");
        }

        try
        {
            var record = await new AuditTrail(trail, triage, null, time).MoveTriageAsync(id, target, request.By, request.Reason, http.RequestAborted);
            return Results.Ok(TriageView.Of(record));
        }
        catch (UnknownSignalException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: e.Message);
        }
        catch (TriageConflictException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: e.Message);
        }
        catch (InvalidTriageTransitionException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: e.Message);
        }
    }

    private sealed record TriageRequest(string? To, string? Reason, string? By);
}

/// <summary>A signal's triage state as the HTTP API and the CLI show it.</summary>
public sealed record TriageView(
    string SignalId, string Gemeente, string Agb, string RuleId, string State, string? Reason, string UpdatedBy, string UpdatedAt, long TrailSequence)
{
    public static TriageView Of(TriageRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new TriageView(
            record.Signal.SignalId,
            record.Signal.Gemeente,
            record.Signal.Agb,
            record.Signal.RuleId,
            TriageRules.StateText(record.State),
            record.Reason,
            record.UpdatedBy,
            AuditTime.Format(record.UpdatedAt),
            record.TrailSequence);
    }
}
