namespace Berichtenverkeer.Cli.Validate;

/// <summary>Turns the command's paths into the list of files to check, in a deterministic order.</summary>
internal static class InputFiles
{
    // Hidden entries (.git, editor backups) are skipped; an unreadable folder is an error, not silently left out.
    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        MatchCasing = MatchCasing.CaseInsensitive,
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.Hidden,
    };

    /// <summary>
    /// Files named directly are taken as given, whatever their extension; folders contribute all their *.xml files,
    /// recursively, sorted ordinally by path. Arguments keep their order. Throws <see cref="FileNotFoundException"/>
    /// for a path that does not exist, before any file is checked.
    /// </summary>
    public static List<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.xml", Walk);
                Array.Sort(found, StringComparer.Ordinal);
                files.AddRange(found);
            }
            else
            {
                throw new FileNotFoundException($"no such file or folder: '{path}'", path);
            }
        }

        return files;
    }
}
