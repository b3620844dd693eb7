using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Processing.Routing;
using Berichtenverkeer.Validation;
using Microsoft.Extensions.Options;

namespace Berichtenverkeer.Gateway.Ingress;

/// <summary>
/// POST /messages with raw XML. The caller authenticates with an API key (X-Api-Key) or a client certificate.
/// Level 1 runs at once so the caller hears of schema errors in the response; the message is kept and processed
/// either way, so it is recorded and audited like any other.
/// </summary>
public static class HttpIngress
{
    public static void MapIngress(this IEndpointRouteBuilder app) =>
        app.MapPost("/messages", ReceiveAsync).DisableAntiforgery();

    private static async Task<IResult> ReceiveAsync(HttpContext http, IngressService ingress, MessageValidator validator, IOptions<GatewayOptions> options)
    {
        if (Authenticate(http, options.Value) is not { } party)
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown API key or client certificate");
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        if (buffer.Length > validator.Options.MaxMessageBytes)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The message is larger than the maximum this gateway accepts (OP179)");
        }

        var content = buffer.ToArray();
        var id = await ingress.ReceiveAsync(content, "http", party, null, http.RequestAborted);
        var level1 = validator.Validate(content);
        return level1.FailedLevel == 1
            ? Results.UnprocessableEntity(new { id, errors = ErrorNotice.From(level1.Errors) })
            : Results.Accepted($"/messages/{id}", new { id });
    }

    internal static string? Authenticate(HttpContext http, GatewayOptions options)
    {
        if (http.Request.Headers.TryGetValue("X-Api-Key", out var key) && options.ApiKeys.TryGetValue(key.ToString(), out var byKey))
        {
            return byKey;
        }

        return http.Connection.ClientCertificate is { } cert && options.Certificates.TryGetValue(cert.Thumbprint, out var byCert) ? byCert : null;
    }
}
