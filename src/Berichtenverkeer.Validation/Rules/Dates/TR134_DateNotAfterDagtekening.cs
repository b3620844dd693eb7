using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Dates;

/// <remarks>
/// The spec attaches TR134 to Toewijzingsdatum (301), StartProduct/Begindatum (305) and StopProduct/Einddatum (307);
/// birth dates and the begin dates of declaration and product periods are included as [DERIVED] in rules.md §2.
/// "An existing date" is already guaranteed by xs:date.
/// </remarks>
public sealed class TR134_DateNotAfterDagtekening : InMessageRule
{
    public override string Code => "TR134";

    public override string Description => "The date is not after the Dagtekening.";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW305, JW307, JW315, JW323, JW325];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        var dagtekening = message.Header.Dagtekening;
        return Dates(message)
            .Where(d => d.Date > dagtekening)
            .Select(d => $"{d.Owner}/{d.Field}")
            .Select(path => At(path, $"{path[(path.LastIndexOf('/') + 1)..]} lies after the Dagtekening"));
    }

    // Owner path and field apart: the path is joined only for a violation, not for each of 1,000 clean prestaties.
    private static IEnumerable<(string Owner, string Field, DateOnly Date)> Dates(IjwMessage message)
    {
        foreach (var (path, g) in MessageParts.BirthDates(message))
        {
            yield return (path, "Datum", g.Datum);
        }

        switch (message)
        {
            case Jw301Message m:
                foreach (var p in m.Client.ToegewezenProducten)
                {
                    yield return (p.Path, "Toewijzingsdatum", p.Toewijzingsdatum);
                }

                break;
            case Jw305Message m:
                foreach (var p in m.Client.Products)
                {
                    yield return (p.Path, "Begindatum", p.Begindatum);
                }

                break;
            case Jw307Message m:
                foreach (var p in m.Client.Products)
                {
                    yield return (p.Path, "Einddatum", p.Einddatum);
                }

                break;
            case Jw323Message m:
                yield return (m.Declaratie.Path, "DeclaratiePeriode/Begindatum", m.Declaratie.DeclaratiePeriode.Begindatum);
                break;
        }

        foreach (var p in MessageParts.Prestaties(message))
        {
            yield return (p.Path, "ProductPeriode/Begindatum", p.ProductPeriode.Begindatum);
        }
    }
}
