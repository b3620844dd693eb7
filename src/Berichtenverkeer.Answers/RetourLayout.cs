using System.Collections.Frozen;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Answers;

/// <summary>
/// The body element of a heen-message and its classes (messages.md §2): in the retour each of them ends with RetourCodes.
/// Classes are given as element-name paths from the body root without indexes; wrapper elements (Relaties,
/// StartProducten, …) are not classes.
/// </summary>
internal sealed class RetourLayout
{
    private static readonly FrozenDictionary<MessageType, RetourLayout> ByHeen = new Dictionary<MessageType, RetourLayout>
    {
        [MessageTypes.JW301] = new(
            "Client",
            "Client",
            "Client/Relaties/Relatie",
            "Client/Relaties/Relatie/Contact",
            "Client/Contactgegevens/Contact",
            "Client/ToegewezenProducten/ToegewezenProduct"),
        [MessageTypes.JW305] = new("Client", "Client", "Client/StartProducten/StartProduct"),
        [MessageTypes.JW307] = new("Client", "Client", "Client/StopProducten/StopProduct"),
        [MessageTypes.JW315] = new("Client", "Client", "Client/AangevraagdeProducten/AangevraagdProduct"),
        [MessageTypes.JW317] = new(
            "Client",
            "Client",
            "Client/Verzoek",
            "Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct",
            "Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct",
            "Client/Verzoek/NieuweProducten/NieuwProduct"),
        [MessageTypes.JW319] = new("Antwoord", "Antwoord", "Antwoord/Woonplaatsbeginsel"),
    }.ToFrozenDictionary();

    private RetourLayout(string body, params string[] classes)
    {
        Body = body;
        Classes = classes.ToFrozenSet(StringComparer.Ordinal);
        ClassNames = classes.Select(c => c[(c.LastIndexOf('/') + 1)..]).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Client, or Antwoord for JW319/JW320.</summary>
    public string Body { get; }

    public FrozenSet<string> Classes { get; }

    public FrozenSet<string> ClassNames { get; }

    public static RetourLayout For(MessageType heen) => ByHeen[heen];
}
