namespace Berichtenverkeer.Generator.World;

/// <summary>One municipality as the generator knows it.</summary>
/// <param name="Code">CBS code, four digits.</param>
/// <param name="Naam">Name; synthetic municipalities say so in their name.</param>
/// <param name="Province">Grouping used to form care regions (real: province; synthetic: "SYN").</param>
/// <param name="PopulationThousands">Rounded inhabitants in thousands, used only as a weight.</param>
/// <param name="Synthetic">True when the code was derived by the generator and is not a CBS code.</param>
internal sealed record MunicipalityInfo(string Code, string Naam, string Province, int PopulationThousands, bool Synthetic);

/// <summary>
/// Real CBS municipality codes and names (the 2025 "Gemeentelijke indeling"), written down from the CBS list as
/// we know it; populations are rounded and serve only as weights. When a preset needs more municipalities than
/// this list holds, <see cref="Synthetic"/> derives further codes in the 9000-range, which CBS does not use for
/// municipalities, and names them "Synthetische gemeente 9nnn" so they can never be taken for real ones.
/// </summary>
internal static class Municipalities
{
    public const string SyntheticProvince = "SYN";

    /// <summary>The ten municipalities of the <c>region</c> preset (region Utrecht).</summary>
    public static readonly string[] RegionPreset = ["0344", "0356", "0355", "0310", "0321", "0353", "0632", "0312", "0352", "0331"];

    /// <summary>The two municipalities of the <c>tiny</c> preset.</summary>
    public static readonly string[] TinyPreset = ["0363", "0384"];

    public static readonly IReadOnlyList<MunicipalityInfo> Real =
    [
        // Noord-Holland
        R("0363", "Amsterdam", "NH", 930), R("0384", "Diemen", "NH", 32), R("0362", "Amstelveen", "NH", 92),
        R("0392", "Haarlem", "NH", 165), R("0394", "Haarlemmermeer", "NH", 160), R("0479", "Zaanstad", "NH", 160),
        R("0361", "Alkmaar", "NH", 110), R("0402", "Hilversum", "NH", 92), R("0405", "Hoorn", "NH", 75),
        R("0439", "Purmerend", "NH", 93), R("0453", "Velsen", "NH", 69), R("0400", "Den Helder", "NH", 56),
        R("0375", "Beverwijk", "NH", 42), R("0396", "Heemskerk", "NH", 39), R("0397", "Heemstede", "NH", 27),
        R("0358", "Aalsmeer", "NH", 33), R("0406", "Huizen", "NH", 41), R("0441", "Schagen", "NH", 47),
        R("0448", "Texel", "NH", 14), R("0473", "Zandvoort", "NH", 17), R("0373", "Bergen (NH.)", "NH", 30),
        R("0383", "Castricum", "NH", 36), R("0385", "Edam-Volendam", "NH", 36), R("0388", "Enkhuizen", "NH", 19),
        R("0420", "Medemblik", "NH", 45), R("0437", "Ouder-Amstel", "NH", 14), R("0451", "Uithoorn", "NH", 30),

        // Flevoland
        R("0034", "Almere", "FL", 220), R("0995", "Lelystad", "FL", 80), R("0303", "Dronten", "FL", 42),
        R("0050", "Zeewolde", "FL", 23), R("0171", "Noordoostpolder", "FL", 48), R("0184", "Urk", "FL", 22),

        // Utrecht
        R("0344", "Utrecht", "UT", 370), R("0307", "Amersfoort", "UT", 160), R("0356", "Nieuwegein", "UT", 65),
        R("0355", "Zeist", "UT", 66), R("0310", "De Bilt", "UT", 43), R("0321", "Houten", "UT", 50),
        R("0353", "IJsselstein", "UT", 34), R("0632", "Woerden", "UT", 53), R("0312", "Bunnik", "UT", 15),
        R("0352", "Wijk bij Duurstede", "UT", 24), R("0331", "Lopik", "UT", 14), R("0345", "Veenendaal", "UT", 68),
        R("0342", "Soest", "UT", 47), R("0308", "Baarn", "UT", 25), R("0327", "Leusden", "UT", 30),
        R("0340", "Rhenen", "UT", 20), R("0335", "Montfoort", "UT", 14), R("0313", "Bunschoten", "UT", 22),
        R("0317", "Eemnes", "UT", 9), R("0351", "Woudenberg", "UT", 14),

        // Zuid-Holland
        R("0599", "Rotterdam", "ZH", 670), R("0518", "'s-Gravenhage", "ZH", 560), R("1916", "Leidschendam-Voorburg", "ZH", 77),
        R("0546", "Leiden", "ZH", 125), R("0637", "Zoetermeer", "ZH", 125), R("0505", "Dordrecht", "ZH", 120),
        R("0484", "Alphen aan den Rijn", "ZH", 115), R("1783", "Westland", "ZH", 115), R("0503", "Delft", "ZH", 105),
        R("1930", "Nissewaard", "ZH", 86), R("0502", "Capelle aan den IJssel", "ZH", 67), R("0603", "Rijswijk", "ZH", 57),
        R("0606", "Schiedam", "ZH", 80), R("0622", "Vlaardingen", "ZH", 75), R("0513", "Gouda", "ZH", 75),
        R("1621", "Lansingerland", "ZH", 65), R("0537", "Katwijk", "ZH", 67), R("0575", "Noordwijk", "ZH", 44),
        R("0579", "Oegstgeest", "ZH", 25), R("0626", "Voorschoten", "ZH", 25), R("0629", "Wassenaar", "ZH", 27),
        R("0512", "Gorinchem", "ZH", 38), R("0590", "Papendrecht", "ZH", 33), R("0597", "Ridderkerk", "ZH", 47),
        R("0642", "Zwijndrecht", "ZH", 45), R("0489", "Barendrecht", "ZH", 50), R("0542", "Krimpen aan den IJssel", "ZH", 30),
        R("0556", "Maassluis", "ZH", 34), R("0613", "Albrandswaard", "ZH", 26), R("0482", "Alblasserdam", "ZH", 20),
        R("0531", "Hendrik-Ido-Ambacht", "ZH", 32), R("0534", "Hillegom", "ZH", 22), R("0553", "Lisse", "ZH", 23),
        R("0569", "Nieuwkoop", "ZH", 29), R("0627", "Waddinxveen", "ZH", 32), R("0638", "Zoeterwoude", "ZH", 9),

        // Noord-Brabant
        R("0772", "Eindhoven", "NB", 240), R("0855", "Tilburg", "NB", 225), R("0758", "Breda", "NB", 185),
        R("0796", "'s-Hertogenbosch", "NB", 160), R("0794", "Helmond", "NB", 93), R("0828", "Oss", "NB", 93),
        R("0748", "Bergen op Zoom", "NB", 68), R("0861", "Veldhoven", "NB", 46), R("0753", "Best", "NB", 31),
        R("0777", "Etten-Leur", "NB", 44), R("0826", "Oosterhout", "NB", 57), R("0867", "Waalwijk", "NB", 49),
        R("0865", "Vught", "NB", 27), R("0858", "Valkenswaard", "NB", 31), R("0785", "Goirle", "NB", 24),
        R("0824", "Oisterwijk", "NB", 32), R("0757", "Boxtel", "NB", 32), R("0762", "Deurne", "NB", 32),
        R("0797", "Heusden", "NB", 45), R("0784", "Gilze en Rijen", "NB", 27), R("0879", "Zundert", "NB", 22),

        // Limburg
        R("0935", "Maastricht", "LI", 120), R("0983", "Venlo", "LI", 102), R("1883", "Sittard-Geleen", "LI", 92),
        R("0917", "Heerlen", "LI", 87), R("0957", "Roermond", "LI", 59), R("0988", "Weert", "LI", 50),
        R("0928", "Kerkrade", "LI", 45), R("0984", "Venray", "LI", 44), R("0882", "Landgraaf", "LI", 37),
        R("0899", "Brunssum", "LI", 27), R("1894", "Peel en Maas", "LI", 44), R("1507", "Horst aan de Maas", "LI", 43),

        // Gelderland
        R("0202", "Arnhem", "GE", 165), R("0268", "Nijmegen", "GE", 180), R("0200", "Apeldoorn", "GE", 165),
        R("0228", "Ede", "GE", 120), R("0203", "Barneveld", "GE", 60), R("0222", "Doetinchem", "GE", 58),
        R("0289", "Wageningen", "GE", 40), R("0243", "Harderwijk", "GE", 48), R("0281", "Tiel", "GE", 42),
        R("0296", "Wijchen", "GE", 41), R("0299", "Zevenaar", "GE", 44), R("0301", "Zutphen", "GE", 48),
        R("0262", "Lochem", "GE", 34), R("0294", "Winterswijk", "GE", 29), R("0267", "Nijkerk", "GE", 45),
        R("0275", "Rheden", "GE", 44), R("0274", "Renkum", "GE", 32), R("0232", "Epe", "GE", 33),
        R("0216", "Culemborg", "GE", 29), R("0226", "Duiven", "GE", 26),

        // Overijssel
        R("0193", "Zwolle", "OV", 130), R("0153", "Enschede", "OV", 160), R("0150", "Deventer", "OV", 102),
        R("0164", "Hengelo", "OV", 81), R("0141", "Almelo", "OV", 73), R("0166", "Kampen", "OV", 55),
        R("0160", "Hardenberg", "OV", 61), R("0173", "Oldenzaal", "OV", 32), R("0177", "Raalte", "OV", 38),

        // Drenthe
        R("0106", "Assen", "DR", 69), R("0114", "Emmen", "DR", 108), R("0118", "Hoogeveen", "DR", 56),
        R("0119", "Meppel", "DR", 35), R("0109", "Coevorden", "DR", 36), R("1680", "Aa en Hunze", "DR", 25),

        // Friesland
        R("0080", "Leeuwarden", "FR", 125), R("0090", "Smallingerland", "FR", 56), R("0074", "Heerenveen", "FR", 51),
        R("0072", "Harlingen", "FR", 16), R("0060", "Ameland", "FR", 4),

        // Groningen
        R("0014", "Groningen", "GR", 240), R("0037", "Stadskanaal", "GR", 32), R("0047", "Veendam", "GR", 28),

        // Zeeland
        R("0687", "Middelburg", "ZE", 49), R("0718", "Vlissingen", "ZE", 45), R("0664", "Goes", "ZE", 39),
        R("0715", "Terneuzen", "ZE", 55), R("0677", "Hulst", "ZE", 27),
    ];

    /// <summary>A derived municipality: code 9001, 9002, … — outside the CBS numbering — and a name that says what it is.</summary>
    public static MunicipalityInfo Synthetic(int ordinal, int populationThousands)
    {
        var code = (9000 + ordinal).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        return new MunicipalityInfo(code, $"Synthetische gemeente {code}", SyntheticProvince, populationThousands, Synthetic: true);
    }

    public static MunicipalityInfo? Find(string code) => Real.FirstOrDefault(m => m.Code == code);

    private static MunicipalityInfo R(string code, string naam, string province, int population) => new(code, naam, province, population, false);
}
