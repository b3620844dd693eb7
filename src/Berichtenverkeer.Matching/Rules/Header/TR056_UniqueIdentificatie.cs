using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;

namespace Berichtenverkeer.Matching.Rules.Header;

/// <remarks>
/// A redelivery of byte-identical content is not a new message: the pipeline answers it with the stored answer
/// before matching (idempotency). What reaches this rule with a used Identificatie is a different message.
/// </remarks>
public sealed class TR056_UniqueIdentificatie : MatchingRule<IjwMessage>
{
    public override string Code => "TR056";

    public override string Retourcode => "9056";

    public override string Description => "BerichtIdentificatie/Identificatie is unique per message type for the sender.";

    public override IReadOnlyList<MessageType> Messages => Heen.All;

    public override bool Passes(IjwMessage subject, MatchContext context) => context.State.SameIdentificatie is null;
}
