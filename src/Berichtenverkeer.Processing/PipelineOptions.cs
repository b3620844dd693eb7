using Berichtenverkeer.Matching;

namespace Berichtenverkeer.Processing;

public sealed class PipelineOptions
{
    public MatchingOptions Matching { get; set; } = new();

    /// <summary>XsltVersie to state in level-2 rejections. Null: our rules are not the official XSLTs, so none is claimed (IV033).</summary>
    public string? XsltVersie { get; set; }

    /// <summary>How often a message is re-evaluated when a concurrent writer established the same fact first.</summary>
    public int ConflictRetries { get; set; } = 3;
}
