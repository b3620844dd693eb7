namespace Berichtenverkeer.Cli.Tests;

/// <summary>The operator commands an administration uses: importing reference data and reconciling.</summary>
public sealed class OperatorCommandTests
{
    [Fact]
    public void reference_import_takes_good_files_and_refuses_a_bad_row_with_its_line()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "state.db");
        folder.Write("good/gemeenten.csv", "code;naam;geldig_van;geldig_tot\n0363;Amsterdam;2020-01-01;\n");
        folder.Write("good/budgetten.csv", "gemeente;agb;jaar;bedrag\n0363;12345678;2026;1000000\n");
        folder.Write("bad/budgetten.csv", "gemeente;agb;jaar;bedrag\n0363;12345678;2026;1000000\n363;1234;2026;-5\n");

        var good = CliRun.Of("reference", "import", Path.Combine(folder.Path, "good"), "--db", db);
        var bad = CliRun.Of("reference", "import", Path.Combine(folder.Path, "bad"), "--db", db);

        Assert.Equal(0, good.ExitCode);
        Assert.Contains("rows", good.Out, StringComparison.Ordinal);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("line 3", bad.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void reference_import_takes_the_pgb_register_and_bundle_table_and_never_echoes_a_bsn()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "state.db");
        folder.Write("good/pgb.csv", "gemeente;bsn;productcategorie;productcode;geldig_van;geldig_tot\n0363;123456782;45;;2026-03-01;\n");
        folder.Write("good/bundels.csv", "gemeente;agb;productcategorie;bundelcode;productcode\n;;45;45A20;45A10\n;;45;45A20;45A11\n");
        folder.Write("bad/pgb.csv", "gemeente;bsn;productcategorie;productcode;geldig_van;geldig_tot\n0363;123456782;45;;2026-03-01;\n0363;123456789;45;;2026-03-01;\n");

        var good = CliRun.Of("reference", "import", Path.Combine(folder.Path, "good"), "--db", db);
        var bad = CliRun.Of("reference", "import", Path.Combine(folder.Path, "bad"), "--db", db);

        Assert.Equal(0, good.ExitCode);
        Assert.Contains("Pgb: 1 rows", good.Out, StringComparison.Ordinal);
        Assert.Contains("Bundels: 2 rows", good.Out, StringComparison.Ordinal);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("pgb.csv line 3: bsn fails the 11-test", bad.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("123456789", bad.Error + bad.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void reconcile_after_a_run_writes_csv_that_opens_in_a_spreadsheet()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, CliRun.Of("run", "--out", folder.Path).ExitCode);
        var db = Path.Combine(folder.Path, "gateway", "berichtenverkeer.db");
        var output = Path.Combine(folder.Path, "reconciliation");

        var run = CliRun.Of("reconcile", "--db", db, "--from", "2025-01", "--to", "2025-04", "--out", output);

        Assert.Equal(0, run.ExitCode);
        var csv = File.ReadAllBytes(Path.Combine(output, "reconciliation.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("gemeente;agb;month;", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 1);
        Assert.True(File.Exists(Path.Combine(output, "budget.csv")));
    }

    [Fact]
    public void reconcile_needs_exactly_one_database()
    {
        Assert.Equal(2, CliRun.Of("reconcile", "--from", "2025-01", "--out", "x").ExitCode);
    }
}
