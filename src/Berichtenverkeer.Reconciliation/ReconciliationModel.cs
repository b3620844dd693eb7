using System.Text.Json.Serialization;
using Berichtenverkeer.Reconciliation.Export;

namespace Berichtenverkeer.Reconciliation;

/// <summary>
/// Assigned against declared for one gemeente × month × provider × product (categorie + code) × reported unit.
/// <para>
/// The month is that of the prestatie's <b>ProductPeriode</b> (when the care was delivered), not of the
/// DeclaratiePeriode (when it was invoiced): a late declaration lands in the month of the care, so assigned and
/// declared meet in the same row. Credits land in the month, product and unit of the debit they take back.
/// </para>
/// <para>
/// Volumes are in <see cref="Eenheid"/>; hours are reported as minutes (Eenheid 01) so hour and minute
/// declarations add up exactly. The unit is part of the key only so that volumes in different units are never summed;
/// normally each product has one. Aspecific and generic budget assignments have no unit (null) and, having no code,
/// sit in their own row (code null) apart from the rows of the codes the provider declared under them.
/// </para>
/// <para>All amounts are euro cents.</para>
/// </summary>
public sealed record ReconciliationRow
{
    public required string Gemeente { get; init; }

    public required string Agb { get; init; }

    /// <summary>First day of the month; "yyyy-MM" in CSV and JSON.</summary>
    [JsonConverter(typeof(YearMonthJsonConverter))]
    public required DateOnly Month { get; init; }

    /// <summary>Null for a generic assignment (no Product).</summary>
    public string? ProductCategorie { get; init; }

    /// <summary>Null for an aspecific or generic assignment.</summary>
    public string? ProductCode { get; init; }

    /// <summary>WJ756 code the volumes are in (hours as minutes, 01); null for budget-only rows.</summary>
    public string? Eenheid { get; init; }

    /// <summary>Latest, non-deleted assignments whose period overlaps the month.</summary>
    public int AssignmentCount { get; init; }

    /// <summary>
    /// Σ over those assignments of the TR321 maximum for the month ∩ assignment (<c>VolumeMath.MaxForPeriod</c>).
    /// Frequentie 6 (total over the assignment) counts once, in the month the assignment starts. A week spanning two
    /// months counts in both (IV077), so a sum over months can exceed the TR322 total.
    /// </summary>
    public long AssignedVolume { get; init; }

    /// <summary>Assigned volume × contract tariff valid on the first day of month ∩ assignment; null when any assignment in the row could not be valued (see <see cref="Flags"/>).</summary>
    public long? AssignedValueCents { get; init; }

    /// <summary>Budgets of aspecific/generic assignments, each reported whole in the month the assignment starts (no pro rata).</summary>
    public long AssignedBudgetCents { get; init; }

    /// <summary>All debit prestaties received for the month, approved or rejected.</summary>
    public int DeclaredCount { get; init; }

    public long DeclaredVolume { get; init; }

    public long DeclaredAmountCents { get; init; }

    public int ApprovedCount { get; init; }

    public long ApprovedVolume { get; init; }

    public long ApprovedAmountCents { get; init; }

    public int RejectedCount { get; init; }

    public long RejectedVolume { get; init; }

    public long RejectedAmountCents { get; init; }

    /// <summary>Approved credits whose debit lies in this row (rejected credits take nothing back and are not counted).</summary>
    public int CreditedCount { get; init; }

    public long CreditedVolume { get; init; }

    public long CreditedAmountCents { get; init; }

    /// <summary>Approved − credited volume.</summary>
    public long NetApprovedVolume { get; init; }

    /// <summary>Approved − credited amount.</summary>
    public long NetApprovedAmountCents { get; init; }

    /// <summary><see cref="ReconciliationFlags"/> values, sorted; empty when nothing is amiss.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}

/// <summary>
/// The rows of one gemeente × month × provider added up. Volumes are not added (units differ between products).
/// <see cref="AssignedValueCents"/> adds the rows whose value is known; a <see cref="ReconciliationFlags.NoContract"/>
/// or <see cref="ReconciliationFlags.UnitMismatch"/> flag says the figure is incomplete.
/// </summary>
public sealed record ReconciliationTotal
{
    public required string Gemeente { get; init; }

    public required string Agb { get; init; }

    [JsonConverter(typeof(YearMonthJsonConverter))]
    public required DateOnly Month { get; init; }

    public int AssignmentCount { get; init; }

    public long AssignedValueCents { get; init; }

    public long AssignedBudgetCents { get; init; }

    public int DeclaredCount { get; init; }

    public long DeclaredAmountCents { get; init; }

    public int ApprovedCount { get; init; }

    public long ApprovedAmountCents { get; init; }

    public int RejectedCount { get; init; }

    public long RejectedAmountCents { get; init; }

    public int CreditedCount { get; init; }

    public long CreditedAmountCents { get; init; }

    public long NetApprovedAmountCents { get; init; }

    /// <summary>Union of the rows' flags, sorted.</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}

/// <summary>A reconciliation over whole months. Rows and totals are sorted by gemeente, month, AGB, product, unit (ordinal).</summary>
public sealed record ReconciliationReport
{
    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    /// <summary>The municipality filter; empty = all.</summary>
    public IReadOnlyList<string> Gemeenten { get; init; } = [];

    /// <summary>The provider filter; empty = all.</summary>
    public IReadOnlyList<string> Agbs { get; init; } = [];

    public IReadOnlyList<ReconciliationRow> Rows { get; init; } = [];

    public IReadOnlyList<ReconciliationTotal> Totals { get; init; } = [];
}
