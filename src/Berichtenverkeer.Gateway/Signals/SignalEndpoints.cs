using System.Text;
using Berichtenverkeer.Gateway.Audit;
using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Signals.Exceptions;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Signals;

/// <summary>
/// GET /signals (JSON or CSV) and GET /signals/{id}/ikz, for auditors: the same API-key or certificate authentication as
/// ingress, and the party must have the auditor role (<see cref="AuditorAccess"/>, shared with triage). A provider's or
/// another municipality's key is refused. A municipality's auditor sees that municipality's signals only.
/// </summary>
public static class SignalEndpoints
{
    public static void MapSignals(this IEndpointRouteBuilder app)
    {
        app.MapGet("/signals", ListAsync);
        app.MapGet("/signals/{id}/ikz", IkzAsync);
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, ISignalStore store, IOptions<GatewayOptions> gateway, CancellationToken cancellationToken)
    {
        if (Authorize(http, gateway.Value, out var auditor) is { } refused)
        {
            return refused;
        }

        SignalQuery query;
        string format;
        try
        {
            (query, format) = SignalQueryText.Parse(name => http.Request.Query[name].FirstOrDefault());
        }
        catch (FormatException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad signal query", detail: ex.Message);
        }

        if (Restriction(auditor) is { } own)
        {
            if (query.Gemeente is not null && query.Gemeente != own)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: $"Auditor {auditor} sees the signals of gemeente {own} only");
            }

            query = query with { Gemeente = own };
        }

        var signals = await store.QuerySignalsAsync(query, cancellationToken);
        return format == "csv"
            ? Results.File(SignalCsv.ToBytes(signals), "text/csv; charset=utf-8", "signals.csv")
            : Results.Text(SignalListJson.Serialize(signals), "application/json", Encoding.UTF8);
    }

    private static async Task<IResult> IkzAsync(
        string id, HttpContext http, ISignalStore store, IOptions<GatewayOptions> gateway, CancellationToken cancellationToken)
    {
        if (Authorize(http, gateway.Value, out var auditor) is { } refused)
        {
            return refused;
        }

        var stored = await store.FindStoredSignalAsync(id, cancellationToken);
        if (stored is null || (Restriction(auditor) is { } own && stored.Signal.Gemeente != own))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No signal {id}");
        }

        try
        {
            var report = IkzReport.Build(stored, await store.SignalTrailAsync(id, cancellationToken));
            return Results.Text(IkzReport.Serialize(report), "application/json", Encoding.UTF8);
        }
        catch (SignalNotConfirmedException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Signal not confirmed", detail: ex.Message);
        }
    }

    private static IResult? Authorize(HttpContext http, GatewayOptions gateway, out string party)
    {
        var (auditor, refusal) = AuditorAccess.Authorize(http, gateway);
        party = auditor ?? string.Empty;
        return refusal;
    }

    /// <summary>A municipality's auditor (a gemeentecode) is limited to its own signals; other auditors see all.</summary>
    private static string? Restriction(string auditor) => auditor is { Length: 4 } && auditor.All(char.IsAsciiDigit) ? auditor : null;
}
