using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;
using static Berichtenverkeer.Reconciliation.Tests.TestData;

namespace Berichtenverkeer.Reconciliation.Tests;

/// <summary>
/// A small hand-built March 2025: two gemeenten, two providers. March 1 is a Saturday, so March touches ISO weeks 9–14
/// (6 weeks); March 1–20 touches weeks 9–12 (4 weeks).
/// </summary>
internal static class MarchScenario
{
    public static readonly Product Begeleiding = new("45", "45A12");
    public static readonly Product Stuks = new("10", "10A01");
    public static readonly Product Aspecifiek = new("54", null);

    public static ReferenceSet Reference { get; } = new(
        [],
        [],
        [
            new Contract(G1, P1, "45", "45A12", Eenheid.Uur, 7500, D(2025, 1, 1), null),
            new Contract(G1, P1, "10", "10A01", Eenheid.StuksOutput, 2500, D(2025, 1, 1), null),
            new Contract(G2, P1, "45", "45A12", Eenheid.Uur, 6001, D(2025, 1, 1), null),
        ],
        []);

    public static List<AssignmentRecord> Assignments { get; } =
    [
        // A1 changed: the later version (3 h/week until 20 March) counts, though listed first and received first.
        Assignment(G1, P1, 1001, Begeleiding, D(2025, 1, 1), D(2025, 3, 20), new Omvang(3, Eenheid.Uur, Frequentie.PerWeek),
            toewijzingsdatum: D(2025, 2, 15), toewijzingstijd: new TimeOnly(9, 0), redenWijziging: "02", messageId: "m0"),
        Assignment(G1, P1, 1001, Begeleiding, D(2025, 1, 1), D(2025, 12, 31), new Omvang(5, Eenheid.Uur, Frequentie.PerWeek),
            toewijzingsdatum: D(2025, 1, 2), toewijzingstijd: new TimeOnly(10, 0), messageId: "m1"),

        // A2: 8 pieces per month from 10 March (a broken month still allows the whole volume, IV078).
        Assignment(G1, P1, 1002, Stuks, D(2025, 3, 10), null, new Omvang(8, Eenheid.StuksOutput, Frequentie.PerMaand), bsn: Bsn2),

        // Ended in February: not in March.
        Assignment(G1, P1, 1003, Begeleiding, D(2025, 1, 1), D(2025, 2, 28), new Omvang(9, Eenheid.Uur, Frequentie.PerWeek)),

        // A3: aspecific with budget, reported whole in its start month.
        Assignment(G1, P2, 2001, Aspecifiek, D(2025, 3, 1), D(2025, 8, 31), budget: 500_000),

        // A4: deleted by its latest version (Einddatum = Ingangsdatum, reason 13): counts as never sent.
        Assignment(G2, P2, 3001, Begeleiding, D(2025, 3, 1), D(2025, 6, 30), new Omvang(4, Eenheid.Uur, Frequentie.PerWeek),
            toewijzingsdatum: D(2025, 2, 20)),
        Assignment(G2, P2, 3001, Begeleiding, D(2025, 3, 1), D(2025, 3, 1), new Omvang(4, Eenheid.Uur, Frequentie.PerWeek),
            toewijzingsdatum: D(2025, 2, 25), redenWijziging: RedenWijziging.Verwijderd),

        // A5: 2 h/week over all of March, but gemeente 0599 has no contract with this provider.
        Assignment(G2, P2, 3002, Begeleiding, D(2025, 2, 1), D(2025, 4, 30), new Omvang(2, Eenheid.Uur, Frequentie.PerWeek), bsn: Bsn2),

        // A7: 90 minutes per month against an hourly contract tariff of 60.01: 90 × 6001 / 60 = 9001.5 → 9002 (IV081).
        Assignment(G2, P1, 3003, Begeleiding, D(2025, 1, 1), null, new Omvang(90, Eenheid.Minuut, Frequentie.PerMaand)),
    ];

    public static List<PrestatieRecord> Prestaties { get; } = Build();

    private static List<PrestatieRecord> Build()
    {
        var r1 = Prestatie(G1, P1, 1001, "45", "45A12", D(2025, 3, 1), D(2025, 3, 20), 10, Eenheid.Uur, 75_000, true, "R1");
        var r0 = Prestatie(G1, P1, 1001, "45", "45A12", D(2025, 2, 1), D(2025, 2, 28), 2, Eenheid.Uur, 15_000, true, "R0");
        var s5 = Prestatie(G1, P2, 2001, "54", "54002", D(2025, 3, 1), D(2025, 3, 31), 4, Eenheid.Uur, 32_000, true, "S5", bsn: Bsn2);
        return
        [
            r1,
            CreditOf(r1, "R1C", D(2025, 4, 1)),
            Prestatie(G1, P1, 1001, "45", "45A12", D(2025, 3, 1), D(2025, 3, 20), 540, Eenheid.Minuut, 67_500, true, "R2", declaratieMaand: D(2025, 4, 1)),
            Prestatie(G1, P1, 1001, "45", "45A12", D(2025, 3, 1), D(2025, 3, 20), 3, Eenheid.Uur, 22_500, false, "R3", declaratieMaand: D(2025, 5, 1)),

            // February care, and its credit declared in March: both belong to February, not March.
            r0,
            CreditOf(r0, "R0C", D(2025, 3, 1)),

            Prestatie(G1, P1, 1002, "10", "10A01", D(2025, 3, 10), D(2025, 3, 31), 5, Eenheid.StuksOutput, 12_500, true, "R4", bsn: Bsn2),

            s5,
            CreditOf(s5, "S5C", D(2025, 4, 1), approved: false),

            Prestatie(G2, P2, 3002, "45", "45A12", D(2025, 3, 1), D(2025, 3, 31), 6, Eenheid.Uur, 42_000, true, "T6", bsn: Bsn2),
            Prestatie(G2, P2, 3002, "45", "45A12", D(2025, 3, 1), D(2025, 3, 31), 8, Eenheid.Uur, 56_000, false, "T7", bsn: Bsn2),
            Prestatie(G2, P2, 3001, "45", "45A12", D(2025, 3, 1), D(2025, 3, 31), 2, Eenheid.Uur, 14_000, false, "T8"),
        ];
    }
}
