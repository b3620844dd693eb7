using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Dates;

/// <remarks>Applied to DeclaratiePeriode and ProductPeriode as [DERIVED] in rules.md §2.</remarks>
public sealed class TR137_ClosedPeriodEnd : InMessageRule
{
    public override string Code => "TR137";

    public override string Description => "The Einddatum of a closed period is on or after its Begindatum and not after the Dagtekening.";

    public override IReadOnlyList<MessageType> Messages => [JW323, JW325];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        // Owner and period name apart: the path is joined only for a violation, not for each of 1,000 clean prestaties.
        var periods = MessageParts.Prestaties(message).Select(p => (Owner: p.Path, Name: "ProductPeriode", Periode: p.ProductPeriode));
        if (message is Jw323Message m)
        {
            periods = periods.Prepend((m.Declaratie.Path, "DeclaratiePeriode", m.Declaratie.DeclaratiePeriode));
        }

        foreach (var (owner, name, periode) in periods)
        {
            if (periode.Einddatum < periode.Begindatum)
            {
                yield return At($"{owner}/{name}/Einddatum", "Einddatum lies before Begindatum");
            }
            else if (periode.Einddatum > message.Header.Dagtekening)
            {
                yield return At($"{owner}/{name}/Einddatum", "Einddatum lies after the Dagtekening");
            }
        }
    }
}
