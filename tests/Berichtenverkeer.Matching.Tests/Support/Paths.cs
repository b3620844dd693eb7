namespace Berichtenverkeer.Matching.Tests.Support;

/// <summary>Class paths as the reader names them: local names, an index only when a class has same-named siblings.</summary>
public static class Paths
{
    public const string Header = "/Bericht/Header";

    public const string Client = "/Bericht/Client";

    public const string Toegewezen = "/Bericht/Client/ToegewezenProducten/ToegewezenProduct";

    public const string Start = "/Bericht/Client/StartProducten/StartProduct";

    public const string Stop = "/Bericht/Client/StopProducten/StopProduct";

    public const string Aangevraagd = "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct";

    public const string Verzoek = "/Bericht/Client/Verzoek";

    public const string Ongewijzigd = "/Bericht/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct";

    public const string TeWijzigen = "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct";

    public const string Nieuw = "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct";

    public const string Antwoord = "/Bericht/Antwoord";

    public const string Woonplaatsbeginsel = "/Bericht/Antwoord/Woonplaatsbeginsel";

    public const string Declaratie = "/Bericht/Declaratie";

    public const string DeclClient = "/Bericht/Declaratie/Clienten/Client";

    public const string Prestatie = "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie";

    public const string DeclaratieAntwoord = "/Bericht/DeclaratieAntwoord";

    public const string AntwoordClient = "/Bericht/DeclaratieAntwoord/Clienten/Client";

    public const string AntwoordPrestatie = "/Bericht/DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie";

    /// <summary>The n-th (1-based) of several same-named classes: "…/Prestatie" → "…/Prestatie[2]".</summary>
    public static string Nth(this string path, int n) => $"{path}[{n}]";
}
