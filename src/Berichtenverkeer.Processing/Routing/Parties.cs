using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Processing.Routing;

/// <summary>Who really sends and receives a message, read from its header.</summary>
public static class Parties
{
    /// <summary>
    /// A retour copies the heen header unchanged (IV028), so its Afzender is the party that receives the retour and its
    /// Ontvanger the one that sends it. For every other message the header means what it says.
    /// </summary>
    public static (string Sender, string Recipient) Of(IjwMessage message) =>
        message.Type.IsRetour
            ? (message.Header.Ontvanger, message.Header.Afzender)
            : (message.Header.Afzender, message.Header.Ontvanger);

    public static bool IsGemeenteCode(string code) => code.Length == 4;

    public static Party KindOf(string code) => IsGemeenteCode(code) ? Party.Gemeente : Party.Aanbieder;
}
