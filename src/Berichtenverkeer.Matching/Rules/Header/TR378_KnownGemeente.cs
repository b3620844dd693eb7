using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;

namespace Berichtenverkeer.Matching.Rules.Header;

/// <remarks>
/// Mergers: an older CBS list is accepted when it was current on the Ingangsdatum of the assignment concerned
/// (JW301) or the requested ToewijzingIngangsdatum (JW315). For other messages ([UNSURE]) we accept a code valid
/// on the Dagtekening or on the Ingangsdatum of an assignment the message refers to. Without a CBS list loaded
/// the rule cannot be checked and passes.
/// </remarks>
public sealed class TR378_KnownGemeente : MatchingRule<IjwMessage>
{
    public override string Code => "TR378";

    public override string Retourcode => "S300";

    public override int Level => 4;

    public override string Description => "The municipality code occurs in the CBS list (an older list when current on the assignment's start).";

    public override IReadOnlyList<MessageType> Messages => Heen.All;

    public override bool Passes(IjwMessage subject, MatchContext context) =>
        !context.Reference.HasGemeenteList || IsKnown(context.Gemeente, subject, context);

    internal static bool IsKnown(string code, IjwMessage message, MatchContext context) =>
        ReferenceDates(message, context).Any(date => context.Reference.IsKnownGemeente(code, date));

    private static IEnumerable<DateOnly> ReferenceDates(IjwMessage message, MatchContext context)
    {
        yield return message.Header.Dagtekening;
        var dates = message switch
        {
            Jw301Message m => m.Client.ToegewezenProducten.Select(p => p.Ingangsdatum),
            Jw315Message m => m.Client.AangevraagdeProducten.Select(p => p.ToewijzingIngangsdatum),
            Jw305Message m => m.Client.Products.Select(p => p.ToewijzingNummer).OfType<long>().Select(n => context.Assignment(n)?.Ingangsdatum).OfType<DateOnly>(),
            Jw307Message m => m.Client.Products.Select(p => p.ToewijzingNummer).OfType<long>().Select(n => context.Assignment(n)?.Ingangsdatum).OfType<DateOnly>(),
            Jw323Message m => m.Declaratie.Prestaties.Select(p => context.Assignment(p.ToewijzingNummer)?.Ingangsdatum).OfType<DateOnly>(),
            _ => [],
        };
        foreach (var date in dates.Distinct())
        {
            yield return date;
        }
    }
}
