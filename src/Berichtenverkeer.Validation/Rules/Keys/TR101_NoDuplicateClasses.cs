using System.Globalization;
using System.Runtime.CompilerServices;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Validation.Rules.Keys;

/// <summary>
/// TR101: a class's logical key, together with the keys of its ancestor classes, is unique within the message.
/// The keys are those marked {KEY} in messages.md; a missing optional key part counts as empty.
/// </summary>
public sealed class TR101_NoDuplicateClasses : InMessageRule
{
    public override string Code => "TR101";

    public override string Description => "No two classes in a message share a logical key (with their ancestors' keys).";

    public override IReadOnlyList<MessageType> Messages => [JW301, JW305, JW307, JW315, JW317, JW323, JW325];

    public override IEnumerable<Violation> Check(IjwMessage message)
    {
        var keyed = KeyedClasses(message).ToList();

        // A clean message has no repeat: a set proves that without GroupBy's lookup of 1,100 one-element groups.
        var seen = new HashSet<string>(keyed.Count, StringComparer.Ordinal);
        if (keyed.TrueForAll(k => seen.Add(k.Key)))
        {
            return [];
        }

        return keyed
            .GroupBy(k => k.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Skip(1))
            .Select(k => At(k.Path, "This class repeats the logical key of an earlier one in the message"));
    }

    private static IEnumerable<(string Key, string Path)> KeyedClasses(IjwMessage message)
    {
        switch (message)
        {
            case Jw301Message m:
                foreach (var r in m.Client.Relaties)
                {
                    yield return (Key("Relatie", r.Nummer), r.Path);
                }

                foreach (var c in m.Client.Contactgegevens)
                {
                    yield return (Key("Contact", c.Soort), c.Path);
                }

                foreach (var p in m.Client.ToegewezenProducten)
                {
                    yield return (Key("ToegewezenProduct", p.ToewijzingNummer), p.Path);
                }

                break;
            case Jw305Message m:
                foreach (var p in m.Client.Products)
                {
                    yield return (RegieKey("StartProduct", p), p.Path);
                }

                break;
            case Jw307Message m:
                foreach (var p in m.Client.Products)
                {
                    yield return (RegieKey("StopProduct", p) + Key(string.Empty, p.RedenBeeindiging, p.Einddatum), p.Path);
                }

                break;
            case Jw315Message m:
                foreach (var p in m.Client.AangevraagdeProducten)
                {
                    yield return (Key("AangevraagdProduct", p.ReferentieAanbieder), p.Path);
                }

                break;
            case Jw317Message m:
                foreach (var p in m.Client.Verzoek.OngewijzigdeProducten)
                {
                    yield return (Key("OngewijzigdProduct", p.ToewijzingNummer), p.Path);
                }

                foreach (var p in m.Client.Verzoek.TeWijzigenProducten)
                {
                    yield return (Key("TeWijzigenProduct", p.ToewijzingNummer), p.Path);
                }

                foreach (var p in m.Client.Verzoek.NieuweProducten)
                {
                    yield return (Key("NieuwProduct", p.Product?.Categorie, p.Product?.Code, p.GewensteIngangsdatum), p.Path);
                }

                break;
            case Jw323Message m:
                foreach (var item in Declared(m.Declaratie.Clienten.Select(c => (c.Path, c.Bsn, c.Prestaties))))
                {
                    yield return item;
                }

                break;
            case Jw325Message { DeclaratieAntwoord: { } a }:
                foreach (var item in Declared(a.Clienten.Select(c => (c.Path, c.Bsn, c.Prestaties))))
                {
                    yield return item;
                }

                break;
        }
    }

    private static IEnumerable<(string Key, string Path)> Declared(IEnumerable<(string Path, string Bsn, IReadOnlyList<Prestatie> Prestaties)> clients)
    {
        foreach (var (path, bsn, prestaties) in clients)
        {
            yield return (Key("Client", bsn), path);
            foreach (var p in prestaties)
            {
                yield return (Key("Prestatie", bsn, p.ReferentieNummer, p.VorigReferentieNummer), p.Path);
            }
        }
    }

    private static string RegieKey(string cls, RegieProduct p) =>
        Key(cls, p.ToewijzingNummer, p.Product?.Categorie, p.Product?.Code, p.Begindatum);

    // Written straight into one string: joining boxed parts through LINQ made three strings per prestatie.
    private static string Key(string cls, params ReadOnlySpan<object?> parts)
    {
        var key = new DefaultInterpolatedStringHandler(cls.Length + parts.Length, 0, CultureInfo.InvariantCulture);
        key.AppendLiteral(cls);
        key.AppendLiteral("|");
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                key.AppendLiteral("|");
            }

            switch (parts[i])
            {
                case null:
                    break;
                case string s:
                    key.AppendLiteral(s);
                    break;
                case DateOnly d:
                    key.AppendFormatted(d, "yyyy-MM-dd");
                    break;
                case IFormattable f:
                    key.AppendLiteral(f.ToString(null, CultureInfo.InvariantCulture));
                    break;
                case var other:
                    key.AppendFormatted(other.ToString());
                    break;
            }
        }

        return key.ToStringAndClear();
    }
}
