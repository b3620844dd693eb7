using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules.StartStop;

public sealed class TR063_DeleteNeedsOriginal : MatchingRule<RegieProduct>
{
    public override string Code => "TR063";

    public override string Retourcode => "9063";

    public override string Description => "With StatusAanlevering 3 an earlier, not deleted delivery with the same logical key exists.";

    public override IReadOnlyList<MessageType> Messages => [JW305, JW307];

    public override bool Passes(RegieProduct subject, MatchContext context)
    {
        if (!subject.IsDelete)
        {
            return true;
        }

        var (kind, key) = (Regie.Kind(subject), Regie.Key(subject));
        return Regie.Standing(context).Any(r => r.Kind == kind && r.Key == key);
    }
}
