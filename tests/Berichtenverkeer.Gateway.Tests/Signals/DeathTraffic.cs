using Berichtenverkeer.Tests.Support;

namespace Berichtenverkeer.Gateway.Tests.Signals;

/// <summary>
/// One client's trajectory with injected FR14 (care after death): assignment, start on 5 January, a stop with reason 02
/// (overlijden) on 15 January, then a declaration for 5–31 January. The declaration is approved (stops never decide a
/// declaration, OP364); the signal is an event for auditors only.
/// </summary>
public static class DeathTraffic
{
    public static readonly DateOnly Death = new(2026, 1, 15);

    public static string Jw307Death(Traffic.Client client) =>
        Traffic.Retarget(Traffic.Text("JW307"), client.Gemeente, client.Agb)
            .Set("Identificatie", $"E{client.Number:D6}")
            .Set("Bsn", client.Bsn)
            .Set("ToewijzingNummer", client.ToewijzingNummer)
            .Set("RedenBeeindiging", "02")
            .Set("Einddatum", Death.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The messages in processing order with their senders.</summary>
    public static IReadOnlyList<(string Xml, string Sender)> Messages(Traffic.Client client) =>
    [
        (client.Jw301(), client.Gemeente),
        (client.Jw305(), client.Agb),
        (Jw307Death(client), client.Agb),
        (client.Jw323(), client.Agb),
    ];
}
