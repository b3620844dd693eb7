using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Clients;

public sealed class CS050_NaamGebruik : InMessageRule
{
    public override string Code => "CS050";

    public override string Description => "With a Partnernaam, NaamGebruik is 1–4; without one, 1 or 6.";

    public override IReadOnlyList<MessageType> Messages => [JW301];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        if (message is not Jw301Message m)
        {
            yield break;
        }

        var names = new[] { (m.Client.Path, m.Client.Gegevens.Naam) }.Concat(m.Client.Relaties.Select(r => (r.Path, r.Naam)));
        foreach (var (path, naam) in names)
        {
            var allowed = naam.Partnernaam is null ? new[] { "1", "6" } : ["1", "2", "3", "4"];
            if (naam.NaamGebruik is { } gebruik && !allowed.Contains(gebruik))
            {
                yield return At($"{path}/Naam/NaamGebruik", naam.Partnernaam is null
                    ? $"NaamGebruik {gebruik} needs a Partnernaam; without one only 1 or 6 is allowed"
                    : $"NaamGebruik {gebruik} is not allowed with a Partnernaam; use 1, 2, 3 or 4");
            }
        }
    }
}
