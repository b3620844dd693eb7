using System.Globalization;
using System.Text;

namespace Berichtenverkeer.Answers.Tests.Support;

/// <summary>One prestatie of a generated JW323 (January 2026). Eenheid 83 means euros: no tarief, Bedrag = Volume (CD087, CS339).</summary>
public sealed record PrestatieSpec(string Ref, long Toewijzing, long Volume, string DebetCredit = "D", string? Vorig = null, string Eenheid = "04", string Code = "45A04")
{
    public long? Tarief => Eenheid == "83" ? null : 7500;

    public long Bedrag => Tarief is { } t ? Volume * t : Volume;

    public long Signed => DebetCredit == "C" ? -Bedrag : Bedrag;
}

public sealed record ClientSpec(string Bsn, params PrestatieSpec[] Prestaties);

/// <summary>Generates JW323 declarations that are valid at levels 1 and 2 (unless a wrong total is forced).</summary>
public static class Declaraties
{
    /// <summary>Three clients, six debit prestaties, one of them in euros; total 327550.</summary>
    public static readonly ClientSpec[] Several =
    [
        new("999900006", new PrestatieSpec("PA1", 100001, 10), new PrestatieSpec("PA2", 100002, 4), new PrestatieSpec("PA3", 100003, 12550, Eenheid: "83")),
        new("999900018", new PrestatieSpec("PB1", 200001, 20), new PrestatieSpec("PB2", 200002, 2)),
        new("999900031", new PrestatieSpec("PC1", 300001, 6)),
    ];

    public static string Prestatie(int client, int prestatie, int clients = 3, int prestaties = 2) =>
        $"/Bericht/Declaratie/Clienten/Client{(clients > 1 ? $"[{client}]" : string.Empty)}/Prestaties/Prestatie{(prestaties > 1 ? $"[{prestatie}]" : string.Empty)}";

    public static string Client(int client) => $"/Bericht/Declaratie/Clienten/Client[{client}]";

    public static string Jw323(ClientSpec[] clients, long? totaalSigned = null, string berichtXsdVersie = "1.0.0")
    {
        var totaal = totaalSigned ?? clients.SelectMany(c => c.Prestaties).Sum(p => p.Signed);
        var sb = new StringBuilder();
        sb.Append("""
            <?xml version="1.0" encoding="UTF-8"?>
            <jw323:Bericht xmlns:jw323="http://www.istandaarden.nl/ijw/3_2/jw323/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
              <jw323:Header>
                <jw323:BerichtCode>490</jw323:BerichtCode>
                <jw323:BerichtVersie>3</jw323:BerichtVersie>
                <jw323:BerichtSubversie>2</jw323:BerichtSubversie>
                <jw323:Afzender>12345678</jw323:Afzender>
                <jw323:Ontvanger>0363</jw323:Ontvanger>
                <jw323:BerichtIdentificatie>
                  <ijw:Identificatie>D-0042</ijw:Identificatie>
                  <ijw:Dagtekening>2026-02-05</ijw:Dagtekening>
                </jw323:BerichtIdentificatie>
                <jw323:XsdVersie>
                  <ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>
            """);
        sb.Append(CultureInfo.InvariantCulture, $"""

                  <ijw:BerichtXsdVersie>{berichtXsdVersie}</ijw:BerichtXsdVersie>
                </jw323:XsdVersie>
              </jw323:Header>
              <jw323:Declaratie>
                <jw323:DeclaratieNummer>D202601042</jw323:DeclaratieNummer>
                <jw323:DeclaratiePeriode>
                  <ijw:Begindatum>2026-01-01</ijw:Begindatum>
                  <ijw:Einddatum>2026-01-31</ijw:Einddatum>
                </jw323:DeclaratiePeriode>
                <jw323:DeclaratieDagtekening>2026-02-05</jw323:DeclaratieDagtekening>
                <jw323:TotaalIngediendBedrag>
                  <ijw:TotaalBedrag>{Math.Abs(totaal)}</ijw:TotaalBedrag>
                  <ijw:DebetCredit>{(totaal < 0 ? "C" : "D")}</ijw:DebetCredit>
                </jw323:TotaalIngediendBedrag>
                <jw323:Clienten>

            """);
        foreach (var client in clients)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""
                      <jw323:Client>
                        <jw323:Bsn>{client.Bsn}</jw323:Bsn>
                        <jw323:Prestaties>

                """);
            foreach (var p in client.Prestaties)
            {
                var vorig = p.Vorig is null ? string.Empty : $"<ijw:VorigReferentieNummer>{p.Vorig}</ijw:VorigReferentieNummer>";
                var tarief = p.Tarief is { } t ? $"<jw323:ProductTarief>{t}</jw323:ProductTarief>" : string.Empty;
                sb.Append(CultureInfo.InvariantCulture, $"""
                              <jw323:Prestatie>
                                <jw323:ProductReferentie><ijw:ReferentieNummer>{p.Ref}</ijw:ReferentieNummer>{vorig}</jw323:ProductReferentie>
                                <jw323:ToewijzingNummer>{p.Toewijzing}</jw323:ToewijzingNummer>
                                <jw323:ProductCategorie>45</jw323:ProductCategorie>
                                <jw323:ProductCode>{p.Code}</jw323:ProductCode>
                                <jw323:ProductPeriode>
                                  <ijw:Begindatum>2026-01-01</ijw:Begindatum>
                                  <ijw:Einddatum>2026-01-31</ijw:Einddatum>
                                </jw323:ProductPeriode>
                                <jw323:GeleverdVolume>{p.Volume}</jw323:GeleverdVolume>
                                <jw323:Eenheid>{p.Eenheid}</jw323:Eenheid>
                                {tarief}
                                <jw323:IngediendBedrag>
                                  <ijw:Bedrag>{p.Bedrag}</ijw:Bedrag>
                                  <ijw:DebetCredit>{p.DebetCredit}</ijw:DebetCredit>
                                </jw323:IngediendBedrag>
                              </jw323:Prestatie>

                    """);
            }

            sb.Append("""
                        </jw323:Prestaties>
                      </jw323:Client>

                """);
        }

        sb.Append("""
                </jw323:Clienten>
              </jw323:Declaratie>
            </jw323:Bericht>

            """);
        return sb.ToString();
    }
}
