using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Matching.Volume;
using Berichtenverkeer.ReferenceData;

namespace Berichtenverkeer.Reconciliation;

/// <summary>
/// Shared arithmetic: which assignment version counts, the unit volumes are reported in, and what a volume is worth.
/// Hours are reported in minutes (Eenheid 01, <see cref="VolumeMath.Scaled"/>) so minutes and hours add up exactly.
/// </summary>
public static class Valuation
{
    /// <summary>The unit a volume in <paramref name="eenheid"/> is reported in: hours become minutes, the rest stays.</summary>
    public static string ReportedUnit(string eenheid) => eenheid == Eenheid.Uur ? Eenheid.Minuut : eenheid;

    /// <summary>The volume in <see cref="ReportedUnit"/> (hours ×60).</summary>
    public static long ReportedVolume(long volume, string eenheid) => VolumeMath.Scaled(volume, eenheid);

    /// <summary>
    /// The latest version (IV013: highest Toewijzingsdatum + Toewijzingstijd, receipt order irrelevant) of every
    /// assignment, keyed like the matching engine by Gemeente + Agb + ToewijzingNummer. Versions dated after
    /// <paramref name="knownOn"/> are ignored (not yet sent on that day). Ties on the moment go to the higher MessageId
    /// (ordinal) so the choice is deterministic. Deleted assignments are returned; callers skip <see cref="AssignmentRecord.IsDeleted"/>.
    /// </summary>
    public static IEnumerable<AssignmentRecord> LatestVersions(IEnumerable<AssignmentRecord> versions, DateOnly? knownOn = null) =>
        versions
            .Where(a => knownOn is null || a.Toewijzingsdatum <= knownOn)
            .GroupBy(a => (a.Gemeente, a.Agb, a.ToewijzingNummer))
            .Select(g => g.OrderByDescending(a => a.VersionMoment).ThenByDescending(a => a.MessageId, StringComparer.Ordinal).First());

    /// <summary>
    /// The value in cents of <paramref name="volume"/> in <paramref name="reportedUnit"/> (hours already as minutes)
    /// at the contract's tariff per contract unit. Euros (83) are cents already and need no contract. An hourly tariff
    /// applied to minutes is rounded half up once on the total (IV081). Returns the flag when no value can be given.
    /// </summary>
    public static (long? Cents, string? Flag) Value(long volume, string reportedUnit, Contract? contract)
    {
        if (reportedUnit == Eenheid.Euros)
        {
            return (volume, null);
        }

        if (volume == 0)
        {
            return (0, null);
        }

        if (contract is null)
        {
            return (null, ReconciliationFlags.NoContract);
        }

        if (ReportedUnit(contract.Eenheid) != reportedUnit)
        {
            return (null, ReconciliationFlags.UnitMismatch);
        }

        return contract.Eenheid == Eenheid.Uur
            ? (VolumeMath.RoundHalfUp(volume * contract.Tarief, 60), null)
            : (volume * contract.Tarief, null);
    }

    /// <summary>The contract for the assignment's product on <paramref name="on"/>; null without a full product (aspecific/generic).</summary>
    public static Contract? ContractFor(IReferenceData referenceData, AssignmentRecord assignment, DateOnly on) =>
        assignment.Product is { Code: { } code } product
            ? referenceData.ContractFor(assignment.Gemeente, assignment.Agb, product.Categorie, code, on)
            : null;
}
