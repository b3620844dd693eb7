using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Gateway.Ingress;

namespace Berichtenverkeer.Gateway.Audit;

/// <summary>
/// Who may see and triage fraud-suspicion signals: a party authenticated like any HTTP caller (API key or client
/// certificate, <see cref="HttpIngress"/>) whose code has the role <see cref="AuditorRole"/> in <c>Gateway:Roles</c>
/// (e.g. <c>Gateway__ApiKeys__&lt;key&gt;=AUD1</c>, <c>Gateway__Roles__AUD1=Auditor</c>). A care provider or
/// municipality sending messages has no role and gets 403.
/// </summary>
public static class AuditorAccess
{
    public const string AuditorRole = "Auditor";

    /// <summary>The auditor party's code, or the problem to answer (401 unknown caller, 403 not an auditor).</summary>
    public static (string? Party, IResult? Refusal) Authorize(HttpContext http, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (HttpIngress.Authenticate(http, options) is not { } party)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown API key or client certificate"));
        }

        return options.Roles.TryGetValue(party, out var role) && string.Equals(role, AuditorRole, StringComparison.OrdinalIgnoreCase)
            ? (party, null)
            : (null, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: $"Party {party} does not have the {AuditorRole} role"));
    }
}
