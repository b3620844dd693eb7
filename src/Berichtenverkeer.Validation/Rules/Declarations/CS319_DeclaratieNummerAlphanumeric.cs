using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Declarations;

/// <remarks>The JW323 XSD carries the same pattern, so in the pipeline this fires only if a schema is ever relaxed.</remarks>
public sealed class CS319_DeclaratieNummerAlphanumeric : InMessageRule
{
    public override string Code => "CS319";

    public override string Description => "DeclaratieNummer holds letters and digits only.";

    public override IReadOnlyList<MessageType> Messages => [JW323];

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw323Message m && (m.Declaratie.DeclaratieNummer.Length == 0 || !m.Declaratie.DeclaratieNummer.All(char.IsAsciiLetterOrDigit))
            ? [At(m.Declaratie, "DeclaratieNummer", "DeclaratieNummer may hold only letters and digits")]
            : [];
}
