using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.Tests.Support;
using Berichtenverkeer.ReferenceData;
using static Berichtenverkeer.Matching.Tests.Support.Trajectory;

namespace Berichtenverkeer.Matching.Tests.Flows;

/// <summary>The sample messages of tests/samples/valid are one trajectory; replayed in Dagtekening order they are all accepted.</summary>
public class SampleReplayTests
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "valid", name + ".xml"));

    [Fact]
    public void the_sample_trajectory_replays_cleanly_with_every_reference_source()
    {
        var gw = new Gateway(new ReferenceSet([Reference.Amsterdam], Reference.ProductCodes, [Reference.Hourly()], []));

        foreach (var name in new[] { "JW315", "JW301", "JW305", "JW323", "JW325", "JW317", "JW319", "JW307" })
        {
            var result = gw.Process(Sample(name));
            Assert.True(result.Verdict.IsClean && result.Findings.Count == 0, $"{name}: {result}");
            Assert.Equal(Outcomes.Accepted, result.Outcome);
        }

        Assert.Equal(8, gw.Store.Messages.Count);
    }

    [Fact]
    public void builder_defaults_are_the_sample_trajectory()
    {
        var sample = (Jw301Message)IjwXml.Parse(Sample("JW301"));
        var built = (Jw301Message)new Jw301().Parse();
        ToegewezenProduct[] products = [sample.Client.ToegewezenProducten[0], built.Client.ToegewezenProducten[0]];

        Assert.Equal((sample.Header.Afzender, sample.Header.Ontvanger, sample.Client.Gegevens.Bsn), (built.Header.Afzender, built.Header.Ontvanger, built.Client.Gegevens.Bsn));
        Assert.All(products, p => Assert.Equal(
            (Nummer, Trajectory.Product, Toewijzingsdatum, Toewijzingstijd, Ingangsdatum, Einddatum, Trajectory.Omvang),
            (p.ToewijzingNummer, p.Product!, p.Toewijzingsdatum, p.Toewijzingstijd, p.Ingangsdatum, p.Einddatum!.Value, p.Omvang!)));

        var declared = ((Jw323Message)IjwXml.Parse(Sample("JW323"))).Declaratie.Prestaties.Single();
        var prestatie = ((Jw323Message)Jw323.Of(new Pr()).Parse()).Declaratie.Prestaties.Single();
        static Prestatie Comparable(Prestatie p) => p with { ReferentieNummer = "", Path = "", RetourCodes = Array.Empty<string>() };
        Assert.Equal(Comparable(declared), Comparable(prestatie));
    }
}
