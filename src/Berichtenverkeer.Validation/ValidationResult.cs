using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Ijw.Reading;

namespace Berichtenverkeer.Validation;

/// <summary>The verdict on one message at control levels 1 and 2.</summary>
public sealed record ValidationResult
{
    /// <summary>The message type from the root namespace; null when the input is not an iJw 3.2 message.</summary>
    public MessageType? Type { get; init; }

    public required IReadOnlyList<ValidationError> Errors { get; init; }

    /// <summary>Parsed model; present when level 1 passed (also when level 2 failed, so a retour can be built).</summary>
    public IjwMessage? Message { get; init; }

    /// <summary>The element tree, present when level 1 passed; retours copy classes from it unchanged.</summary>
    public MessageNode? Tree { get; init; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>1 or 2 for the level that failed, null when valid.</summary>
    public int? FailedLevel => Errors.Count == 0 ? null : Errors.Min(e => e.Level);

    /// <summary>0001 after a level-2 failure (IV028/IV032); level 1 has no retour, so no code.</summary>
    public string? Retourcode => FailedLevel == 2 ? Ijw.Catalog.Retourcode.Technisch : null;

    /// <summary>Distinct level-2 rule codes that failed, in order of first occurrence.</summary>
    public IReadOnlyList<string> FailedRules => Errors.Where(e => e.Rule is not null).Select(e => e.Rule!).Distinct().ToList();
}
