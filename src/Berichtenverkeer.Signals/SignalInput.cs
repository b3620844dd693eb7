using Berichtenverkeer.Audit.Pseudonyms;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;

namespace Berichtenverkeer.Signals;

/// <summary>
/// The state records one batch looks at: what the gateway accepted (all assignment versions, regie, prestaties with
/// their outcome, declarations), the reference data and the pseudonymizer. Include history before the period: the
/// period rules compare against earlier months (FR32 up to 12 months, FR36 the assignment's versions).
/// </summary>
public sealed record SignalInput
{
    public IReadOnlyList<AssignmentRecord> Assignments { get; init; } = [];

    public IReadOnlyList<RegieRecord> Regie { get; init; } = [];

    public IReadOnlyList<PrestatieRecord> Prestaties { get; init; } = [];

    public IReadOnlyList<DeclarationRecord> Declarations { get; init; } = [];

    /// <summary>Message records (dagtekening, content hash); optional: without them hashes and receipt dates are unknown.</summary>
    public IReadOnlyList<MessageRecord> Messages { get; init; } = [];

    public ReferenceSet Reference { get; init; } = ReferenceSet.Empty;

    public required BsnPseudonymizer Pseudonymizer { get; init; }
}
