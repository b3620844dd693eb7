namespace Berichtenverkeer.Matching.State;

/// <summary>What one evaluated message adds to the state. Committed in one transaction together with its message record.</summary>
public sealed class StateChanges
{
    public required MessageRecord Message { get; init; }

    public List<AssignmentRecord> Assignments { get; } = [];

    public List<RegieRecord> Regie { get; } = [];

    /// <summary>Earlier regie records a delivery with StatusAanlevering 3 deletes, identified by their key.</summary>
    public List<RegieRecord> DeletedRegie { get; } = [];

    public List<RequestRecord> Requests { get; } = [];

    public List<AnswerRecord> Answers { get; } = [];

    public DeclarationRecord? Declaration { get; set; }

    public List<PrestatieRecord> Prestaties { get; } = [];
}
