namespace Berichtenverkeer.Generator.World;

/// <summary>Common Dutch name parts and street names; clients and parents are combinations of these, stored as indexes.</summary>
internal static class Names
{
    /// <summary>Surname with its prefix (voorvoegsel), empty when none.</summary>
    public static readonly (string Achternaam, string Voorvoegsel)[] Surnames =
    [
        ("Jong", "de"), ("Jansen", ""), ("Vries", "de"), ("Berg", "van den"), ("Dijk", "van"), ("Bakker", ""), ("Janssen", ""),
        ("Visser", ""), ("Smit", ""), ("Meijer", ""), ("Boer", "de"), ("Mulder", ""), ("Groot", "de"), ("Bos", ""), ("Vos", ""),
        ("Peters", ""), ("Hendriks", ""), ("Leeuwen", "van"), ("Dekker", ""), ("Brouwer", ""), ("Wit", "de"), ("Dijkstra", ""),
        ("Smits", ""), ("Graaf", "de"), ("Meer", "van der"), ("Linden", "van der"), ("Kok", ""), ("Jacobs", ""), ("Haan", "de"),
        ("Vermeulen", ""), ("Heuvel", "van den"), ("Veen", "van der"), ("Broek", "van den"), ("Bruijn", "de"), ("Beek", "van"),
        ("Schouten", ""), ("Willems", ""), ("Hoekstra", ""), ("Koster", ""), ("Prins", ""), ("Huisman", ""), ("Wal", "van der"),
        ("Kuipers", ""), ("Postma", ""), ("Yilmaz", ""), ("El Amrani", ""), ("Kaya", ""), ("Bouzid", ""), ("Nguyen", ""),
        ("Pinas", ""), ("Wijk", "van"), ("Brink", "ten"), ("Kamp", "ter"), ("Bosch", "van den"), ("Maas", ""), ("Verhoeven", ""),
        ("Koning", "de"), ("Lange", "de"), ("Vliet", "van"), ("Gerritsen", ""),
    ];

    public static readonly string[] GirlNames =
    [
        "Emma", "Julia", "Mila", "Tess", "Sophie", "Zoë", "Sara", "Nora", "Yara", "Eva", "Liv", "Anna", "Evi", "Saar", "Lotte",
        "Noor", "Fenna", "Lieke", "Fleur", "Sanne", "Isa", "Lina", "Maryam", "Nova", "Olivia", "Ilse", "Femke", "Roos", "Hanna", "Amira",
    ];

    public static readonly string[] BoyNames =
    [
        "Noah", "Sem", "Liam", "Lucas", "Daan", "Finn", "Levi", "Luuk", "Mees", "James", "Milan", "Bram", "Sam", "Jesse", "Thijs",
        "Adam", "Mohammed", "Ryan", "Jayden", "Tim", "Lars", "Ruben", "Stijn", "Jens", "Owen", "Gijs", "Max", "Thomas", "Teun", "Yusuf",
    ];

    public static readonly string[] AdultFirstNames =
    [
        "Petra", "Marieke", "Sandra", "Linda", "Esther", "Mirjam", "Nicole", "Fatima", "Ingrid", "Monique",
        "Mark", "Dennis", "Erik", "Martijn", "Jeroen", "Rob", "Ahmed", "Patrick", "Sander", "Bas",
    ];

    public static readonly string[] Streets =
    [
        "Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Stationsweg", "Julianastraat", "Beatrixlaan", "Wilhelminastraat",
        "Kastanjelaan", "Eikenlaan", "Lindenlaan", "Parallelweg", "Nieuwstraat", "Marktplein", "Irisstraat", "Rozenstraat",
        "Tulpstraat", "Sportlaan", "Vondelstraat", "Rembrandtlaan", "Vermeerstraat", "Bachlaan", "Mozartstraat", "Havenstraat",
        "Burg. de Withstraat", "Industrieweg", "Prinses Irenestraat", "Oranjelaan", "Zuidsingel", "Noordweg",
    ];

    public static string FirstNameOf(byte gender, int index) =>
        gender == 1 ? BoyNames[index % BoyNames.Length] : GirlNames[index % GirlNames.Length];

    /// <summary>Initials without dots or spaces (IV007), from space-separated first names.</summary>
    public static string Initials(string voornamen)
    {
        Span<char> buffer = stackalloc char[6];
        var n = 0;
        var atStart = true;
        foreach (var c in voornamen)
        {
            if (c == ' ')
            {
                atStart = true;
                continue;
            }

            if (atStart && n < buffer.Length)
            {
                buffer[n++] = char.ToUpperInvariant(c);
            }

            atStart = false;
        }

        return new string(buffer[..n]);
    }
}
