using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Cli.Validate;

/// <summary>
/// The verdict on one file as the reports show it (and, camelCased, the JSON Lines schema). Keeps only what is
/// printed: the parsed tree and model of a <see cref="ValidationResult"/> are dropped, so a long run holds no
/// message in memory. <see cref="Message"/> is the type name ("JW323"), null when the input is no iJw message.
/// </summary>
internal sealed record FileOutcome(string File, string? Message, bool Valid, int? Level, string? Retourcode, IReadOnlyList<ValidationError> Errors)
{
    public static FileOutcome From(string file, ValidationResult result) =>
        new(file, result.Type?.Name, result.IsValid, result.FailedLevel, result.Retourcode, result.Errors);
}
