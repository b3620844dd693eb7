namespace Berichtenverkeer.ReferenceData.Import;

/// <summary>
/// One problem found in a reference file: where (file, 1-based line of the record, header line = 1, 0 = the file as a whole;
/// the column name) and a plain reason. Reasons never repeat a cell's value, so no BSN ends up in a log or on a screen.
/// </summary>
public sealed record ImportError(string File, int Line, string? Column, string Reason)
{
    public override string ToString() => (Line, Column) switch
    {
        (0, null) => $"{File}: {Reason}",
        (0, _) => $"{File}: {Column} {Reason}",
        (_, null) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File} line {Line}: {Reason}"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{File} line {Line}: {Column} {Reason}"),
    };
}

/// <summary>The records of one file, or the reasons they cannot be imported. Records is empty whenever there are errors (all-or-nothing).</summary>
public sealed record CsvParseResult<T>(IReadOnlyList<T> Records, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>The outcome of an import: rows written per kind, or the errors that stopped it (then nothing was written).</summary>
public sealed record ImportReport(IReadOnlyDictionary<ReferenceKind, int> Counts, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public override string ToString() => Succeeded
        ? "imported " + string.Join(", ", Counts.Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Value} {c.Key.ToString().ToLowerInvariant()}")))
        : string.Join(Environment.NewLine, Errors);
}
