using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Matching.Rules.StartStop;

/// <summary>Lookups the start/stop rules share.</summary>
internal static class Regie
{
    public static string Bsn(MatchContext context) => context.Message switch
    {
        Jw305Message m => m.Client.Gegevens.Bsn,
        Jw307Message m => m.Client.Gegevens.Bsn,
        _ => throw new InvalidOperationException("Start/stop rules apply to JW305 and JW307 only."),
    };

    public static RegieKind Kind(RegieProduct product) => product is StopProduct ? RegieKind.Stop : RegieKind.Start;

    public static string Key(RegieProduct p) =>
        RegieKeys.Of(Kind(p), p.ToewijzingNummer, p.Product, p.Begindatum, (p as StopProduct)?.RedenBeeindiging, (p as StopProduct)?.Einddatum);

    /// <summary>Not-deleted records of this client.</summary>
    public static IEnumerable<RegieRecord> Standing(MatchContext context) => context.Regie(Bsn(context)).Where(r => !r.Deleted);

    /// <summary>Not-deleted stops that refer to the start identified by number, product and Begindatum.</summary>
    public static IEnumerable<RegieRecord> StopsOf(MatchContext context, long? toewijzingNummer, Product? product, DateOnly begindatum) =>
        Standing(context).Where(r => r.Kind == RegieKind.Stop && r.ToewijzingNummer == toewijzingNummer && r.Product == product && r.Begindatum == begindatum);

    /// <summary>Not-deleted stops with the same Bsn, ToewijzingNummer and Begindatum (TR413–TR415).</summary>
    public static IEnumerable<RegieRecord> EarlierStops(MatchContext context, StopProduct stop) =>
        Standing(context).Where(r => r.Kind == RegieKind.Stop && r.ToewijzingNummer == stop.ToewijzingNummer && r.Begindatum == stop.Begindatum);
}
