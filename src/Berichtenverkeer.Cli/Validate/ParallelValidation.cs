using System.Collections.Concurrent;
using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Cli.Validate;

/// <summary>One file's check: its outcome, or why it could not be read.</summary>
internal readonly record struct FileCheck(string File, FileOutcome? Outcome, string? ReadError);

internal static class ParallelValidation
{
    /// <summary>
    /// Validates on all cores (the validator is thread-safe) and yields in input order, each result as soon as every
    /// file before it is done. Files are handed out one at a time, so a slow file holds back only the output after it.
    /// </summary>
    public static IEnumerable<FileCheck> Run(MessageValidator validator, IReadOnlyList<string> files) =>
        Partitioner.Create(files, EnumerablePartitionerOptions.NoBuffering)
            .AsParallel()
            .AsOrdered()
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(file => Check(validator, file));

    private static FileCheck Check(MessageValidator validator, string file)
    {
        try
        {
            return new FileCheck(file, FileOutcome.From(file, validator.ValidateFile(file)), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new FileCheck(file, null, ex.Message);
        }
    }
}
