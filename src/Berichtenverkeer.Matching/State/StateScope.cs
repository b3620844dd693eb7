using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Matching.State;

/// <summary>
/// What one message needs from the state store: its parties and the keys it mentions. The store loads everything
/// the level-3 rules look up for these keys in a few indexed queries (see <see cref="IStateStore.LoadAsync"/>).
/// </summary>
public sealed record StateScope
{
    public required string Type { get; init; }

    public required string Afzender { get; init; }

    public required string Identificatie { get; init; }

    public required string Gemeente { get; init; }

    public required string Agb { get; init; }

    public IReadOnlyList<string> Bsns { get; init; } = [];

    public IReadOnlyList<long> ToewijzingNummers { get; init; } = [];

    /// <summary>ReferentieAanbieder values of requests, answers and honouring assignments.</summary>
    public IReadOnlyList<string> Referenties { get; init; } = [];

    /// <summary>ReferentieNummer and VorigReferentieNummer values of prestaties.</summary>
    public IReadOnlyList<string> PrestatieReferenties { get; init; } = [];

    public string? DeclaratieNummer { get; init; }

    /// <summary>For a JW325: the BerichtIdentificatie of the JW323 it answers (TR337).</summary>
    public BerichtIdentificatie? AnsweredDeclaratie { get; init; }

    public static StateScope Of(IjwMessage message)
    {
        var h = message.Header;
        var gemeente = message.Type.HeaderAfzender == Party.Gemeente ? h.Afzender : h.Ontvanger;
        var agb = message.Type.HeaderAfzender == Party.Gemeente ? h.Ontvanger : h.Afzender;
        var scope = new StateScope
        {
            Type = message.Type.Name,
            Afzender = h.Afzender,
            Identificatie = h.BerichtIdentificatie.Identificatie,
            Gemeente = gemeente,
            Agb = agb,
            Bsns = message.Bsns.Distinct().ToList(),
        };
        return message switch
        {
            Jw301Message m => scope with
            {
                ToewijzingNummers = m.Client.ToegewezenProducten.Select(p => p.ToewijzingNummer).Distinct().ToList(),
                Referenties = m.Client.ToegewezenProducten.Select(p => p.ReferentieAanbieder).OfType<string>().Distinct().ToList(),
            },
            Jw305Message m => scope with { ToewijzingNummers = Numbers(m.Client.Products.Select(p => p.ToewijzingNummer)) },
            Jw307Message m => scope with { ToewijzingNummers = Numbers(m.Client.Products.Select(p => p.ToewijzingNummer)) },
            Jw315Message m => scope with { Referenties = m.Client.AangevraagdeProducten.Select(p => p.ReferentieAanbieder).Distinct().ToList() },
            Jw317Message m => scope with
            {
                Referenties = [m.Client.Verzoek.ReferentieAanbieder],
                ToewijzingNummers = m.Client.Verzoek.OngewijzigdeProducten.Select(p => p.ToewijzingNummer)
                    .Concat(m.Client.Verzoek.TeWijzigenProducten.Select(p => p.ToewijzingNummer)).Distinct().ToList(),
            },
            Jw319Message m => scope with { Referenties = [m.Antwoord.ReferentieAanbieder] },
            Jw323Message m => scope with
            {
                DeclaratieNummer = m.Declaratie.DeclaratieNummer,
                ToewijzingNummers = m.Declaratie.Prestaties.Select(p => p.ToewijzingNummer).Distinct().ToList(),
                PrestatieReferenties = m.Declaratie.Prestaties
                    .SelectMany(p => new[] { p.ReferentieNummer, p.VorigReferentieNummer }).OfType<string>().Distinct().ToList(),
            },
            Jw325Message m => scope with
            {
                AnsweredDeclaratie = m.DeclaratieIdentificatie,
                DeclaratieNummer = m.DeclaratieAntwoord?.DeclaratieNummer,
            },
            _ => scope,
        };
    }

    private static List<long> Numbers(IEnumerable<long?> numbers) => numbers.OfType<long>().Distinct().ToList();
}
