namespace Berichtenverkeer.Ijw.Catalog;

/// <summary>WJ756 Eenheid. Codes stay strings: "01" is not "1".</summary>
public static class Eenheid
{
    public const string Minuut = "01";
    public const string Uur = "04";
    public const string Etmaal = "14";
    public const string Dagdeel = "16";
    public const string StuksOutput = "82";
    public const string Euros = "83";
    public const string StuksInspanning = "84";

    /// <summary>82 and 83 are output based; the rest effort based (rules.md §0, [DERIVED]).</summary>
    public static bool IsOutputBased(string eenheid) => eenheid is StuksOutput or Euros;

    /// <summary>Units that may not be combined with Frequentie 1 per day (CS338/CS343).</summary>
    public static bool NeedsCoarseFrequency(string eenheid) => eenheid is Etmaal or Dagdeel or Euros or StuksInspanning;
}

/// <summary>WMO757 Frequentie.</summary>
public static class Frequentie
{
    public const string PerDag = "1";
    public const string PerWeek = "2";
    public const string PerMaand = "4";
    public const string Totaal = "6";
}

/// <summary>WJ001 codes that are outcomes rather than rule codes.</summary>
public static class Retourcode
{
    /// <summary>Level-2 failure: the whole message is rejected for technical reasons.</summary>
    public const string Technisch = "0001";

    /// <summary>No remark on this class.</summary>
    public const string Akkoord = "0200";

    /// <summary>Class not assessed.</summary>
    public const string NietBeoordeeld = "0233";

    /// <summary>Declaration granted in full (JW325 DeclaratieAntwoord).</summary>
    public const string VolledigToegekend = "8001";
}

/// <summary>JZ002 RedenWijziging values the rules look at.</summary>
public static class RedenWijziging
{
    public const string AdministratieveCorrectieVervallen = "01";
    public const string Verwijderd = "13";
}

/// <summary>JZ588 RedenBeeindiging values the rules look at.</summary>
public static class RedenBeeindiging
{
    public const string Overlijden = "02";
    public const string Tijdelijk = "20";
    public const string Overstap = "38";
}

/// <summary>COD467 StatusAanlevering.</summary>
public static class StatusAanlevering
{
    public const string Eerste = "1";
    public const string Verwijderen = "3";
}

/// <summary>COD043 DebetCredit.</summary>
public static class DebetCredit
{
    public const string Debet = "D";
    public const string Credit = "C";

    public static long Signed(long amount, string debetCredit) => debetCredit == Credit ? -amount : amount;
}
