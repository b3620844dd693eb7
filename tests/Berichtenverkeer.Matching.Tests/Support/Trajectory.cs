using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Matching.Tests.Support;

/// <summary>
/// The one trajectory of tests/samples/valid: municipality 0363 assigns provider 12345678 product 45/45A04 for client
/// 999900006, 8 hours per week from 2026-01-05 to 2026-12-31 under ToewijzingNummer 100001. Every builder defaults to it.
/// </summary>
public static class Trajectory
{
    public const string Gemeente = "0363";

    public const string OtherGemeente = "0599";

    public const string Agb = "12345678";

    public const string OtherAgb = "87654321";

    public const string Bsn = "999900006";

    /// <summary>A second client (passes the 11-test).</summary>
    public const string OtherBsn = "999900018";

    public const long Nummer = 100001;

    /// <summary>€ 75,00 per hour, in cents (IV024).</summary>
    public const long Tarief = 7500;

    public static readonly Product Product = new("45", "45A04");

    /// <summary>8 hours per week.</summary>
    public static readonly Omvang Omvang = new(8, "04", "2");

    public static readonly DateOnly Ingangsdatum = new(2026, 1, 5);

    public static readonly DateOnly Einddatum = new(2026, 12, 31);

    public static readonly DateOnly Toewijzingsdatum = new(2026, 1, 2);

    public static readonly TimeOnly Toewijzingstijd = new(14, 30);

    /// <summary>The default Dagtekening of every builder: after the January and February deliveries.</summary>
    public static readonly DateOnly Dagtekening = new(2026, 3, 2);

    /// <summary>The receiver's system date the test gateway matches with.</summary>
    public static readonly DateOnly Today = new(2026, 6, 30);

    public static DateOnly D(int year, int month, int day) => new(year, month, day);
}
