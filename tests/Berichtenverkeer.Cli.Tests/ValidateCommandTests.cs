using System.Text.Json;

namespace Berichtenverkeer.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public void valid_file_exits_0_with_an_OK_line_and_a_summary()
    {
        var file = Samples.PathOf("JW305.xml");

        var run = CliRun.Of("validate", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"OK   {file}  JW305", run.OutLines[0]);
        Assert.StartsWith("1 file: 1 valid, 0 invalid", run.OutLines[1], StringComparison.Ordinal);
        Assert.Equal(2, run.OutLines.Length);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public void every_sample_message_is_valid()
    {
        var run = CliRun.Of("validate", Samples.Folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(16, run.OutLines.Count(l => l.StartsWith("OK   ", StringComparison.Ordinal)));
    }

    [Fact]
    public void folder_with_valid_and_invalid_messages_exits_1_and_json_lines_carry_the_documented_fields()
    {
        using var folder = new TempFolder();
        folder.CopySample("JW305.xml", "a-valid.xml");
        folder.Write("b-total.xml", Samples.Jw323WithWrongTotal());
        folder.Write("c-unknown.xml", Samples.UnknownNamespace);

        var run = CliRun.Of("validate", folder.Path, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var lines = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(3, lines.Length);
        foreach (var line in lines)
        {
            string[] fields = ["file", "message", "valid", "level", "retourcode", "errors"];
            Assert.All(fields, f => Assert.True(line.TryGetProperty(f, out _), $"missing '{f}' in {line}"));
        }

        var (valid, total, unknown) = (lines[0], lines[1], lines[2]);
        Assert.Equal(Path.Combine(folder.Path, "a-valid.xml"), valid.GetProperty("file").GetString());
        Assert.Equal("JW305", valid.GetProperty("message").GetString());
        Assert.True(valid.GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, valid.GetProperty("level").ValueKind);
        Assert.Equal(JsonValueKind.Null, valid.GetProperty("retourcode").ValueKind);
        Assert.Equal(0, valid.GetProperty("errors").GetArrayLength());

        Assert.Equal("JW323", total.GetProperty("message").GetString());
        Assert.False(total.GetProperty("valid").GetBoolean());
        Assert.Equal(2, total.GetProperty("level").GetInt32());
        Assert.Equal("0001", total.GetProperty("retourcode").GetString());
        var error = Assert.Single(total.GetProperty("errors").EnumerateArray());
        Assert.Equal(2, error.GetProperty("level").GetInt32());
        Assert.Equal("TR358", error.GetProperty("rule").GetString());
        Assert.True(error.GetProperty("line").GetInt32() > 0);
        Assert.True(error.GetProperty("column").GetInt32() > 0);
        Assert.Equal("/Bericht/Declaratie/TotaalIngediendBedrag", error.GetProperty("path").GetString());
        Assert.Contains("TotaalIngediendBedrag", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("message").ValueKind);
        Assert.Equal(1, unknown.GetProperty("level").GetInt32());
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("errors")[0].GetProperty("rule").ValueKind);
    }

    [Fact]
    public void json_output_has_exactly_one_line_per_file_and_the_summary_goes_to_stderr()
    {
        var files = Directory.GetFiles(Samples.Folder, "*.xml");

        var run = CliRun.Of("validate", "--format", "json", Samples.Folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(files.Length, run.Out.Split('\n').Length - 1);
        Assert.All(run.OutLines, l => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(l).RootElement.ValueKind));
        Assert.StartsWith($"{files.Length} files: {files.Length} valid, 0 invalid", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void non_xml_file_is_checked_whatever_its_extension_and_fails_at_level_1()
    {
        using var folder = new TempFolder();
        var file = folder.Write("notes.txt", Samples.NotXml);

        var run = CliRun.Of("validate", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"FAIL {file}  unknown level 1", run.OutLines[0]);
        Assert.Contains("Not well-formed XML", run.OutLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void unknown_namespace_exits_1_with_message_null()
    {
        using var folder = new TempFolder();
        var file = folder.Write("other.xml", Samples.UnknownNamespace);

        var run = CliRun.Of("validate", "--format=json", file);

        Assert.Equal(1, run.ExitCode);
        var line = JsonDocument.Parse(Assert.Single(run.OutLines)).RootElement;
        Assert.Equal(JsonValueKind.Null, line.GetProperty("message").ValueKind);
        Assert.False(line.GetProperty("valid").GetBoolean());
        Assert.Equal(1, line.GetProperty("level").GetInt32());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("retourcode").ValueKind);
    }

    [Fact]
    public void level_2_failure_shows_retourcode_0001_and_the_rule_in_text()
    {
        using var folder = new TempFolder();
        var file = folder.Write("JW323.xml", Samples.Jw323WithWrongTotal());

        var run = CliRun.Of("validate", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"FAIL {file}  JW323 level 2 (0001)", run.OutLines[0]);
        Assert.Matches(@"^  \d+:\d+ /Bericht/Declaratie/TotaalIngediendBedrag \[TR358\] ", run.OutLines[1]);
        Assert.StartsWith("1 file: 0 valid, 1 invalid", run.OutLines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void folders_are_walked_recursively_in_ordinal_path_order_taking_only_xml_files()
    {
        using var folder = new TempFolder();
        folder.CopySample("JW305.xml", Path.Combine("b", "deeper", "still", "z.xml"));
        folder.CopySample("JW307.xml", Path.Combine("a", "Y.XML"));
        folder.CopySample("JW301.xml", "B.xml");
        folder.Write(Path.Combine("a", "readme.txt"), Samples.NotXml);
        folder.Write(Path.Combine(".hidden", "skipped.xml"), Samples.NotXml);

        var run = CliRun.Of("validate", "--format", "json", folder.Path);

        Assert.Equal(0, run.ExitCode);
        var files = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file").GetString()).ToArray();
        string[] expected = ["B.xml", Path.Combine("a", "Y.XML"), Path.Combine("b", "deeper", "still", "z.xml")];
        Assert.Equal(expected.Select(e => Path.Combine(folder.Path, e)), files);
    }

    [Fact]
    public void output_follows_the_input_order_although_files_are_checked_in_parallel()
    {
        using var folder = new TempFolder();
        string[] samples = ["JW301.xml", "JW305.xml", "JW323.xml", "JW315.xml"];
        var expected = new List<(string File, bool Valid)>();
        for (var i = 0; i < 120; i++)
        {
            var name = $"{i:D3}.xml";
            expected.Add(i % 7 == 3
                ? (folder.Write(name, Samples.Jw323WithWrongTotal()), false)
                : (folder.CopySample(samples[i % samples.Length], name), true));
        }

        expected.Reverse();

        var run = CliRun.Of(["validate", "--format", "json", .. expected.Select(e => e.File)]);

        Assert.Equal(1, run.ExitCode);
        var lines = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement);
        Assert.Equal(expected, lines.Select(l => (l.GetProperty("file").GetString()!, l.GetProperty("valid").GetBoolean())));
    }

    [Fact]
    public void max_bytes_refuses_larger_messages_with_OP179()
    {
        var run = CliRun.Of("validate", "--max-bytes", "100", "--format", "json", Samples.PathOf("JW305.xml"));

        Assert.Equal(1, run.ExitCode);
        var line = JsonDocument.Parse(Assert.Single(run.OutLines)).RootElement;
        Assert.Equal(1, line.GetProperty("level").GetInt32());
        Assert.Equal("OP179", line.GetProperty("errors")[0].GetProperty("rule").GetString());
    }

    [Fact]
    public void empty_folder_is_no_error_but_says_so()
    {
        using var folder = new TempFolder();

        var run = CliRun.Of("validate", folder.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no *.xml files found", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("0 files: 0 valid, 0 invalid", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void nonexistent_path_exits_2_before_anything_is_checked()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "missing.xml");

        var run = CliRun.Of("validate", Samples.PathOf("JW305.xml"), missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains($"no such file or folder: '{missing}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void unreadable_file_is_an_io_error_with_exit_2_while_the_others_are_still_reported()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        using var folder = new TempFolder();
        var good = folder.CopySample("JW305.xml", "a.xml");
        var dangling = Path.Combine(folder.Path, "b.xml");
        File.CreateSymbolicLink(dangling, Path.Combine(folder.Path, "gone.xml"));

        var run = CliRun.Of("validate", good, dangling);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"OK   {good}  JW305", run.OutLines[0]);
        Assert.Contains($"cannot read '{dangling}'", run.Error, StringComparison.Ordinal);
        Assert.Contains("1 unreadable", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("-x")]
    public void unknown_option_exits_2_and_points_to_help(string option)
    {
        var run = CliRun.Of("validate", option, Samples.PathOf("JW305.xml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains($"unknown option '{option}'", run.Error, StringComparison.Ordinal);
        Assert.Contains("berichtenverkeer validate --help", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format")]
    [InlineData("--format", "xml")]
    [InlineData("--max-bytes")]
    [InlineData("--max-bytes", "ten")]
    [InlineData("--max-bytes", "0")]
    [InlineData("--format", "json", "--format", "text")]
    public void missing_or_bad_option_value_exits_2(params string[] options)
    {
        var run = CliRun.Of(["validate", Samples.PathOf("JW305.xml"), .. options]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("option '--", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void no_path_exits_2()
    {
        var run = CliRun.Of("validate", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("at least one file or folder", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void bsn_failing_the_11_test_is_reported_without_its_value()
    {
        using var folder = new TempFolder();
        var file = folder.Write("JW305.xml", Samples.With("JW305.xml", "<jw305:Bsn>999900006<", "<jw305:Bsn>123456789<"));

        var text = CliRun.Of("validate", file);
        var json = CliRun.Of("validate", "--format", "json", file);

        Assert.Contains("[CS002]", text.Out, StringComparison.Ordinal);
        Assert.All(new[] { text.Out, text.Error, json.Out, json.Error }, o => Assert.DoesNotContain("123456789", o, StringComparison.Ordinal));
    }

    [Fact]
    public void malformed_bsn_is_reported_without_its_value()
    {
        using var folder = new TempFolder();
        var file = folder.Write("JW305.xml", Samples.With("JW305.xml", "<jw305:Bsn>999900006<", "<jw305:Bsn>99990000<"));

        var run = CliRun.Of("validate", file);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("99990000", run.Out, StringComparison.Ordinal);
    }
}
