namespace Berichtenverkeer.Validation;

/// <summary>
/// One finding. <see cref="Rule"/> is the iJw code (RSxxx, CSxxx, CDxxx, TRxxx) where one applies; level-1
/// structure errors have none because the XSD itself is the rule.
/// </summary>
public sealed record ValidationError(int Level, string? Rule, int Line, int Column, string Path, string Message);
