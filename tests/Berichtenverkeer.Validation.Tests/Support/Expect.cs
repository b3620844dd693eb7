using System.Text;

namespace Berichtenverkeer.Validation.Tests.Support;

/// <summary>Assertions on a <see cref="ValidationResult"/> that print every error when they fail.</summary>
internal static class Expect
{
    public static void Valid(ValidationResult result)
    {
        Assert.True(result.IsValid, "Expected a valid message, got:" + Describe(result));
        Assert.Null(result.FailedLevel);
        Assert.Null(result.Retourcode);
        Assert.NotNull(result.Message);
        Assert.NotNull(result.Tree);
    }

    /// <summary>
    /// A level-2 rejection by <paramref name="code"/> (and by nothing else than <paramref name="alsoFailing"/>):
    /// FailedLevel 2, retourcode 0001, and an error of that rule located at <paramref name="path"/> on a real line.
    /// </summary>
    public static ValidationError Level2(ValidationResult result, string code, string path, params string[] alsoFailing)
    {
        var why = Describe(result);
        Assert.True(result.FailedLevel == 2, $"Expected a level-2 failure by {code}, got:{why}");
        Assert.Equal("0001", result.Retourcode);
        Assert.NotNull(result.Message);
        Assert.NotNull(result.Tree);
        Assert.Contains(code, result.FailedRules);
        var unexpected = result.FailedRules.Except(alsoFailing.Append(code)).ToList();
        Assert.True(unexpected.Count == 0, $"Only {code} should fail, also failed: {string.Join(", ", unexpected)}.{why}");
        Assert.All(result.Errors, e => Assert.Equal(2, e.Level));

        var errors = result.Errors.Where(e => e.Rule == code).ToList();
        var error = errors.FirstOrDefault(e => e.Path == path);
        Assert.True(error is not null, $"Expected a {code} error at {path}, got:{why}");
        Assert.True(error.Line > 0, $"The {code} error has no line:{why}");
        Assert.True(error.Column > 0, $"The {code} error has no column:{why}");
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
        AssertNoBsnQuoted(result);
        return error;
    }

    /// <summary>A level-1 (XSD / format) rejection: no retour code, no typed message, every error located.</summary>
    public static IReadOnlyList<ValidationError> Level1(ValidationResult result)
    {
        var why = Describe(result);
        Assert.True(result.FailedLevel == 1, $"Expected a level-1 failure, got:{why}");
        Assert.Null(result.Retourcode);
        Assert.Null(result.Message);
        Assert.DoesNotContain(result.FailedRules, r => !r.StartsWith("RS", StringComparison.Ordinal) && !r.StartsWith("OP", StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.Equal(1, e.Level));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        AssertNoBsnQuoted(result);
        return result.Errors;
    }

    /// <summary>Every sample BSN starts with 99990; no error message may quote one (see PrivacyTests).</summary>
    private static void AssertNoBsnQuoted(ValidationResult result) =>
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("99990", StringComparison.Ordinal));

    /// <summary>A schema rejection of a message whose root was recognised: every error has a line, a column and a path into the message.</summary>
    public static IReadOnlyList<ValidationError> SchemaError(ValidationResult result)
    {
        var errors = Level1(result);
        Assert.NotNull(result.Type);
        var why = Describe(result);
        Assert.All(errors, e =>
        {
            Assert.True(e.Line > 0, $"Error without line:{why}");
            Assert.True(e.Column > 0, $"Error without column:{why}");
            Assert.StartsWith("/Bericht", e.Path, StringComparison.Ordinal);
        });
        return errors;
    }

    public static string Describe(ValidationResult result)
    {
        var sb = new StringBuilder();
        sb.Append(" [type ").Append(result.Type?.Name ?? "?").Append(", level ").Append(result.FailedLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-").Append(']');
        foreach (var e in result.Errors)
        {
            sb.AppendLine().Append("  L").Append(e.Level).Append(' ').Append(e.Rule ?? "-").Append(" @").Append(e.Line).Append(':').Append(e.Column)
                .Append(' ').Append(e.Path).Append(" — ").Append(e.Message);
        }

        return sb.ToString();
    }
}
