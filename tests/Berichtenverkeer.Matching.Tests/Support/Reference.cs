using Berichtenverkeer.ReferenceData;

namespace Berichtenverkeer.Matching.Tests.Support;

/// <summary>Reference data (level 4) for the trajectory: CBS codes, product codes and contracts.</summary>
public static class Reference
{
    public static readonly GemeenteCode Amsterdam = new("0363", "Amsterdam", new DateOnly(1900, 1, 1), null);

    public static readonly GemeenteCode Rotterdam = new("0599", "Rotterdam", new DateOnly(1900, 1, 1), null);

    /// <summary>National list 021: 45A04 and 45A05 in category 45, 54001 in category 54.</summary>
    public static readonly ProductCode[] ProductCodes =
    [
        new("45", "45A04", null, null, null),
        new("45", "45A05", null, null, null),
        new("54", "54001", null, null, null),
    ];

    public static ReferenceSet Gemeenten(params GemeenteCode[] gemeenten) => new(gemeenten, [], [], []);

    public static ReferenceSet Products() => new([], ProductCodes, [], []);

    public static ReferenceSet Contracts(params Contract[] contracts) => new([], [], contracts, []);

    /// <summary>The trajectory's contract: 45/45A04 per hour (04) at the given tariff in cents.</summary>
    public static Contract Hourly(long tarief = Trajectory.Tarief, string code = "45A04") =>
        new(Trajectory.Gemeente, Trajectory.Agb, "45", code, "04", tarief, new DateOnly(2025, 1, 1), null);
}
