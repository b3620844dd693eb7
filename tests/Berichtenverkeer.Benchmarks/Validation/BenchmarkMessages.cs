using System.Globalization;
using System.Text;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Benchmarks.Validation;

/// <summary>
/// The messages measured: the JW305 sample (small) and a JW323 with 1,000 prestaties made here (large).
/// Deterministic, so the host process can size them for the MB/s table while the benchmark process measures them.
/// </summary>
internal static class BenchmarkMessages
{
    public const string Small = "JW305";
    public const string Large = "JW323x1000";

    private static readonly Lazy<byte[]> SmallBytes = new(() =>
    {
        using var resource = typeof(BenchmarkMessages).Assembly.GetManifestResourceStream("JW305.xml")
            ?? throw new InvalidOperationException("The JW305 sample is not embedded.");
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    });

    private static readonly Lazy<byte[]> LargeBytes = new(() => Declaration(prestaties: 1000, perClient: 10));

    public static byte[] Get(string name) => name switch
    {
        Small => SmallBytes.Value,
        Large => LargeBytes.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such benchmark message."),
    };

    /// <summary>
    /// A JW323 that passes levels 1 and 2: distinct valid BSNs (11-test, CS002), unique ReferentieNummers (TR101),
    /// one debit per ToewijzingNummer + product + period (TR416: every prestatie has its own ToewijzingNummer),
    /// IngediendBedrag = GeleverdVolume × ProductTarief (CS339/CD087) and TotaalIngediendBedrag = their sum (TR358).
    /// </summary>
    public static byte[] Declaration(int prestaties, int perClient)
    {
        var clients = new StringBuilder();
        long total = 0;
        var bsns = ValidBsns().GetEnumerator();
        for (var i = 0; i < prestaties; i++)
        {
            if (i % perClient == 0)
            {
                bsns.MoveNext();
                clients.Append(CultureInfo.InvariantCulture, $"""
                          <jw323:Client>
                            <jw323:Bsn>{bsns.Current}</jw323:Bsn>
                            <jw323:Prestaties>

                    """);
            }

            var volume = 10 + (i % 20);
            var tarief = 2500 + (i % 7 * 100);
            long bedrag = volume * tarief;
            total += bedrag;
            clients.Append(CultureInfo.InvariantCulture, $"""
                              <jw323:Prestatie>
                                <jw323:ProductReferentie>
                                  <ijw:ReferentieNummer>P{i + 1:D10}</ijw:ReferentieNummer>
                                </jw323:ProductReferentie>
                                <jw323:ToewijzingNummer>{200001 + i}</jw323:ToewijzingNummer>
                                <jw323:ProductCategorie>45</jw323:ProductCategorie>
                                <jw323:ProductCode>45A04</jw323:ProductCode>
                                <jw323:ProductPeriode>
                                  <ijw:Begindatum>2026-01-01</ijw:Begindatum>
                                  <ijw:Einddatum>2026-01-31</ijw:Einddatum>
                                </jw323:ProductPeriode>
                                <jw323:GeleverdVolume>{volume}</jw323:GeleverdVolume>
                                <jw323:Eenheid>04</jw323:Eenheid>
                                <jw323:ProductTarief>{tarief}</jw323:ProductTarief>
                                <jw323:IngediendBedrag>
                                  <ijw:Bedrag>{bedrag}</ijw:Bedrag>
                                  <ijw:DebetCredit>D</ijw:DebetCredit>
                                </jw323:IngediendBedrag>
                              </jw323:Prestatie>

                    """);
            if (i % perClient == perClient - 1 || i == prestaties - 1)
            {
                clients.Append("""
                            </jw323:Prestaties>
                          </jw323:Client>

                    """);
            }
        }

        var xml = string.Create(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <jw323:Bericht xmlns:jw323="http://www.istandaarden.nl/ijw/3_2/jw323/schema" xmlns:ijw="http://www.istandaarden.nl/ijw/3_2/basisschema/schema">
              <jw323:Header>
                <jw323:BerichtCode>490</jw323:BerichtCode>
                <jw323:BerichtVersie>3</jw323:BerichtVersie>
                <jw323:BerichtSubversie>2</jw323:BerichtSubversie>
                <jw323:Afzender>12345678</jw323:Afzender>
                <jw323:Ontvanger>0363</jw323:Ontvanger>
                <jw323:BerichtIdentificatie>
                  <ijw:Identificatie>BENCH-0001</ijw:Identificatie>
                  <ijw:Dagtekening>2026-02-05</ijw:Dagtekening>
                </jw323:BerichtIdentificatie>
                <jw323:XsdVersie>
                  <ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie>
                  <ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie>
                </jw323:XsdVersie>
              </jw323:Header>
              <jw323:Declaratie>
                <jw323:DeclaratieNummer>D202601999</jw323:DeclaratieNummer>
                <jw323:DeclaratiePeriode>
                  <ijw:Begindatum>2026-01-01</ijw:Begindatum>
                  <ijw:Einddatum>2026-01-31</ijw:Einddatum>
                </jw323:DeclaratiePeriode>
                <jw323:DeclaratieDagtekening>2026-02-05</jw323:DeclaratieDagtekening>
                <jw323:TotaalIngediendBedrag>
                  <ijw:TotaalBedrag>{total}</ijw:TotaalBedrag>
                  <ijw:DebetCredit>D</ijw:DebetCredit>
                </jw323:TotaalIngediendBedrag>
                <jw323:Clienten>
            {clients}    </jw323:Clienten>
              </jw323:Declaratie>
            </jw323:Bericht>

            """);
        return new UTF8Encoding(false).GetBytes(xml.ReplaceLineEndings("\r\n"));
    }

    /// <summary>Nine-digit numbers in the 9999… test range whose last digit makes the 11-test hold.</summary>
    private static IEnumerable<string> ValidBsns()
    {
        for (var prefix = 99990100; ; prefix++)
        {
            var digits = prefix.ToString(CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (9 - i) * (digits[i] - '0');
            }

            var check = sum % 11;
            var bsn = string.Create(CultureInfo.InvariantCulture, $"{digits}{check}");
            if (check < 10 && Bsn.IsValid(bsn))
            {
                yield return bsn;
            }
        }
    }
}
