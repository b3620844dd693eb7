using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Generator.Tests;

public sealed class TinyRunTests(TinyRunFixture fixture) : IClassFixture<TinyRunFixture>
{
    private GeneratedRun Run => fixture.Run;

    [Fact]
    public void Tiny_run_has_the_expected_shape()
    {
        var r = Run.Report;
        Assert.Equal(2, r.Municipalities);
        Assert.Equal(3, r.Providers);
        Assert.Equal(Run.MessageFiles.Count, r.Messages);
        foreach (var type in new[] { "JW301", "JW305", "JW307", "JW315", "JW323" })
        {
            Assert.True(r.MessagesPerType.GetValueOrDefault(type) > 0, $"no {type} generated");
        }

        Assert.True(r.Prestaties > 0);
        Assert.True(File.Exists(Path.Combine(Run.Folder, "manifest.json")));
    }

    [Fact]
    public void Every_message_is_valid_at_levels_1_and_2()
    {
        var failures = Run.Replayed().Results.Where(r => r.Value.Level12.Count > 0).Select(r => $"{r.Key}: {r.Value.Level12[0]}").ToList();
        Assert.Empty(failures);
    }

    [Fact]
    public void Only_the_injected_defects_fail_levels_3_and_4()
    {
        AssertLevel34MatchesAnswerKey(Run);
    }

    [Fact]
    public void Messages_are_utf8_without_bom_with_crlf_and_the_sample_prefixes()
    {
        foreach (var file in Run.MessageFiles)
        {
            var bytes = Run.Bytes(file);
            Assert.False(bytes[0] == 0xEF, $"{file} starts with a BOM");
            var text = Encoding.UTF8.GetString(bytes);
            Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            var type = file.Split('-')[1];
            var prefix = "jw" + type[2..];
            Assert.Contains($"<{prefix}:Bericht xmlns:{prefix}=\"http://www.istandaarden.nl/ijw/3_2/{prefix}/schema\" xmlns:ijw=\"{MessageType.BasisNamespace}\">", text, StringComparison.Ordinal);
            Assert.Contains("<ijw:Identificatie>", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Bsns_pass_the_11_test_and_identify_one_client_each()
    {
        var identities = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Run.MessageFiles.Where(f => !f.Contains("-JW319-", StringComparison.Ordinal) && !f.Contains("-JW323-", StringComparison.Ordinal)))
        {
            var doc = Load(Run.MessagePath(file));
            var bsn = Text(doc, "Bsn")!;
            Assert.True(Bsn.IsValid(bsn), $"{bsn} in {file}");
            var identity = Text(doc, "Datum") + "|" + Text(doc, "Achternaam") + "|" + Text(doc, "Voornamen");
            if (identities.TryGetValue(bsn, out var known))
            {
                Assert.Equal(known, identity);
            }
            else
            {
                identities[bsn] = identity;
            }
        }

        Assert.Equal(identities.Count, identities.Values.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Reference_data_covers_every_gemeente_agb_and_product_declared()
    {
        AssertReferenceCovers(Run);
    }

    [Fact]
    public void File_order_puts_each_assignment_before_its_starts_stops_and_declarations()
    {
        AssertFileOrder(Run);
    }

    [Fact]
    public void Answer_key_names_existing_files()
    {
        AssertAnswerKeyFilesExist(Run);
    }

    [Fact]
    public void Stream_gives_the_same_messages_as_the_files()
    {
        var streamed = TrafficGenerator.Stream(new GeneratorOptions { Preset = GeneratorPreset.Tiny, Seed = 1 }).ToList();
        Assert.Equal(Run.MessageFiles, streamed.Select(m => m.FileName).ToList());
        foreach (var m in streamed)
        {
            Assert.True(m.Content.Span.SequenceEqual(Run.Bytes(m.FileName)), m.FileName);
        }
    }

    internal static void AssertLevel34MatchesAnswerKey(GeneratedRun run)
    {
        var results = run.Replayed().Results;
        Assert.Empty(results.Where(r => r.Value.Level12.Count > 0).Select(r => $"{r.Key}: {r.Value.Level12[0]}"));
        var expected = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var d in run.Cases("defect"))
        {
            expected[GeneratedRun.Strings(d, "files")[0]] = d;
        }

        var unexpected = results.Where(r => r.Value.Level34.Count > 0 && !expected.ContainsKey(r.Key))
            .Select(r => $"{r.Key}: {string.Join(", ", r.Value.Level34.Select(f => $"{f.Rule}@{f.Path}"))}").ToList();
        Assert.True(unexpected.Count == 0, "Unexpected level 3/4 findings:\n" + string.Join('\n', unexpected.Take(25)));

        foreach (var (file, entry) in expected)
        {
            var code = entry.GetProperty("code").GetString()!;
            var found = results[file].Level34.Select(f => f.Rule).Distinct().ToList();
            Assert.True(found.Contains(code), $"{file} should fail {code} but found [{string.Join(", ", found)}]");
            var allowed = GeneratedRun.Strings(entry, "also").Append(code).ToHashSet(StringComparer.Ordinal);
            Assert.True(found.All(allowed.Contains), $"{file} ({code}) also failed [{string.Join(", ", found.Where(f => !allowed.Contains(f)))}]");
            foreach (var correction in GeneratedRun.Strings(entry, "corrected_by"))
            {
                Assert.Empty(results[correction].Level34);
            }
        }

        foreach (var fraud in run.Cases("fraud"))
        {
            foreach (var file in GeneratedRun.Strings(fraud, "files"))
            {
                Assert.True(results[file].Level34.Count == 0, $"fraud {fraud.GetProperty("code").GetString()} file {file} breaks a technical rule");
            }
        }
    }

    internal static void AssertReferenceCovers(GeneratedRun run)
    {
        var reference = ReferenceCsv.Load(Path.Combine(run.Folder, "reference"));
        var declarations = 0;
        foreach (var file in run.MessageFiles.Where(f => f.Contains("-JW323-", StringComparison.Ordinal)))
        {
            var doc = Load(run.MessagePath(file));
            var agb = Text(doc, "Afzender")!;
            var gemeente = Text(doc, "Ontvanger")!;
            var dagtekening = DateOnly.ParseExact(Text(doc, "Dagtekening")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(reference.IsKnownGemeente(gemeente, dagtekening), gemeente);
            foreach (XmlElement p in doc.GetElementsByTagName("Prestatie", MessageTypes.JW323.Namespace))
            {
                var categorie = Text(p, "ProductCategorie")!;
                var code = Text(p, "ProductCode")!;
                var begin = DateOnly.ParseExact(Text(p, "Begindatum")!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                Assert.True(reference.ProductCodeBelongs(categorie, code, gemeente, begin), $"{categorie}/{code} not in productcodes.csv for {gemeente}");
                Assert.NotNull(reference.ContractFor(gemeente, agb, categorie, code, begin));
                declarations++;
            }
        }

        Assert.True(declarations > 0);
        var beschikkingen = ReferenceCsv.Rows(Path.Combine(run.Folder, "reference", "beschikkingen.csv"),
            "gemeente;beschikkingnummer;bsn;productcategorie;productcode;geldig_van;geldig_tot;volume;eenheid;frequentie");
        Assert.NotEmpty(beschikkingen);
        Assert.All(beschikkingen, b => Assert.True(Bsn.IsValid(b[2])));
    }

    internal static void AssertFileOrder(GeneratedRun run)
    {
        var assignedAt = new Dictionary<string, int>(StringComparer.Ordinal);
        var startedAt = new Dictionary<string, int>(StringComparer.Ordinal);
        var defectFiles = run.Cases("defect").SelectMany(d => GeneratedRun.Strings(d, "files")).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < run.MessageFiles.Count; i++)
        {
            var file = run.MessageFiles[i];
            Assert.Equal(i + 1, int.Parse(file.AsSpan(0, 7), CultureInfo.InvariantCulture));
            var doc = Load(run.MessagePath(file));
            var gemeente = file.Contains("-JW301-", StringComparison.Ordinal) ? Text(doc, "Afzender") : Text(doc, "Ontvanger");
            foreach (XmlElement n in doc.GetElementsByTagName("*"))
            {
                if (n.LocalName != "ToewijzingNummer")
                {
                    continue;
                }

                var key = gemeente + "/" + n.InnerText;
                if (file.Contains("-JW301-", StringComparison.Ordinal))
                {
                    assignedAt.TryAdd(key, i);
                }
                else if (!defectFiles.Contains(file))
                {
                    Assert.True(assignedAt.ContainsKey(key), $"{file} refers to assignment {key} before its JW301");
                    if (file.Contains("-JW305-", StringComparison.Ordinal))
                    {
                        startedAt.TryAdd(key, i);
                    }
                    else if (file.Contains("-JW307-", StringComparison.Ordinal))
                    {
                        Assert.True(startedAt.ContainsKey(key), $"{file} stops {key} before its start");
                    }
                }
            }
        }
    }

    internal static void AssertAnswerKeyFilesExist(GeneratedRun run)
    {
        foreach (var entry in run.Key)
        {
            var files = GeneratedRun.Strings(entry, "files").Concat(GeneratedRun.Strings(entry, "corrected_by")).ToList();
            Assert.NotEmpty(GeneratedRun.Strings(entry, "files"));
            Assert.All(files, f => Assert.True(File.Exists(run.MessagePath(f)), f));
            Assert.False(entry.GetRawText().Contains("bsn", StringComparison.OrdinalIgnoreCase), "the key must not carry BSNs");
        }
    }

    internal static XmlDocument Load(string path)
    {
        var doc = new XmlDocument();
        doc.Load(path);
        return doc;
    }

    internal static string? Text(XmlNode node, string localName)
    {
        foreach (XmlNode n in node.SelectNodes($".//*[local-name()='{localName}']")!)
        {
            return n.InnerText;
        }

        return null;
    }
}

public sealed class SeededMischiefTests(SeededMischiefFixture fixture) : IClassFixture<SeededMischiefFixture>
{
    private GeneratedRun Run => fixture.Run;

    [Fact]
    public void Every_defect_is_rejected_as_keyed_and_nothing_else_is()
    {
        TinyRunTests.AssertLevel34MatchesAnswerKey(Run);
    }

    [Fact]
    public void All_defect_codes_and_fraud_patterns_occur()
    {
        var codes = Run.Key.Select(k => k.GetProperty("code").GetString()).ToHashSet(StringComparer.Ordinal);
        var missing = DefectCodes.All.Concat(FraudCodes.All).Where(c => !codes.Contains(c)).ToList();
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing) + "; skipped: " + string.Join("; ", Run.Report.SkippedFraud));
    }

    [Fact]
    public void Answer_key_names_existing_files_and_clean_providers_have_no_case()
    {
        TinyRunTests.AssertAnswerKeyFilesExist(Run);
        var withCase = Run.Key.Select(k => k.GetProperty("agb").GetString()).ToHashSet(StringComparer.Ordinal);
        var withFraud = Run.Cases("fraud").SelectMany(k => new[] { k.GetProperty("agb").GetString(), k.TryGetProperty("from_agb", out var from) ? from.GetString() : null })
            .OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(Run.Report.CleanProviders, withCase.Contains);
        Assert.NotEmpty(Run.Report.FraudFreeProviders);
        Assert.DoesNotContain(Run.Report.FraudFreeProviders, withFraud.Contains);
        Assert.Equal(Run.Report.Providers, Run.Report.FraudFreeProviders.Count + withFraud.Count);
    }

    [Fact]
    public void Reference_and_order_hold()
    {
        TinyRunTests.AssertReferenceCovers(Run);
        TinyRunTests.AssertFileOrder(Run);
    }
}

public sealed class DeterminismTests
{
    [Fact]
    public void Same_seed_gives_byte_identical_output_and_another_seed_differs()
    {
        var options = new GeneratorOptions { Preset = GeneratorPreset.Tiny, Seed = 42, Clients = 40 };
        using var a = new GeneratedRun(options);
        using var b = new GeneratedRun(options);
        var filesA = AllFiles(a.Folder);
        var filesB = AllFiles(b.Folder);
        Assert.Equal(filesA.Keys.Order(StringComparer.Ordinal), filesB.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in filesA)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(filesB[name]), name);
        }

        var other = TrafficGenerator.Stream(new GeneratorOptions { Preset = GeneratorPreset.Tiny, Seed = 43, Clients = 40 }).ToList();
        var same = other.Count(m => filesA.TryGetValue(Path.Combine("messages", m.FileName), out var bytes) && m.Content.Span.SequenceEqual(bytes));
        Assert.True(same < other.Count / 10, $"{same} of {other.Count} messages identical across seeds");
    }

    private static Dictionary<string, byte[]> AllFiles(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes, StringComparer.Ordinal);
}

public sealed class RateTests
{
    [Fact]
    public void Zero_rates_give_an_empty_answer_key_and_clean_traffic()
    {
        using var run = new GeneratedRun(new GeneratorOptions
        {
            Preset = GeneratorPreset.Tiny,
            Seed = 3,
            Providers = 8,
            Clients = 150,
            Months = 5,
            DefectRate = 0,
            FraudRate = 0,
        });
        Assert.Empty(run.Key);
        Assert.Equal(0, new FileInfo(Path.Combine(run.Folder, "answer-key.jsonl")).Length);
        Assert.Equal(8, run.Report.CleanProviders.Count);
        var findings = run.Replayed().Results.Where(r => r.Value.Level12.Count > 0 || r.Value.Level34.Count > 0)
            .Select(r => $"{r.Key}: {string.Join(", ", r.Value.Level12.Concat(r.Value.Level34.Select(f => $"{f.Rule}@{f.Path}")))}").ToList();
        Assert.True(findings.Count == 0, string.Join('\n', findings.Take(25)));
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => GeneratorSettings.Resolve(new GeneratorOptions { Months = 0 }));
        Assert.Throws<ArgumentException>(() => GeneratorSettings.Resolve(new GeneratorOptions { DefectRate = 2 }));
        Assert.Throws<ArgumentException>(() => GeneratorSettings.Resolve(new GeneratorOptions { FraudPatterns = ["FR99"] }));
        Assert.Throws<ArgumentException>(() => GeneratorSettings.Resolve(new GeneratorOptions { MunicipalityCodes = ["9999"] }));
    }
}

public sealed class RegionSampleTests
{
    [Fact]
    public void A_sample_of_a_region_run_is_valid_at_levels_1_and_2()
    {
        var validator = new Validation.MessageValidator();
        var options = new GeneratorOptions { Preset = GeneratorPreset.Region, Seed = 11, Months = 1 };
        var checkedMessages = 0;
        var types = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        foreach (var message in TrafficGenerator.Stream(options))
        {
            total++;
            var sample = message.MessageType == "JW323" ? total % 5 == 0 : total % 97 == 0;
            if (!sample)
            {
                continue;
            }

            var result = validator.Validate(message.Content);
            Assert.True(result.IsValid, $"{message.FileName}: {string.Join("; ", result.Errors.Take(3).Select(e => $"{e.Rule} {e.Path} {e.Message}"))}");
            checkedMessages++;
            types.Add(message.MessageType);
        }

        Assert.True(checkedMessages > 300, $"only {checkedMessages} checked");
        Assert.Superset(new HashSet<string>(["JW301", "JW305", "JW323"], StringComparer.Ordinal), types);
    }
}

public sealed class ReplayStressTests
{
    /// <summary>A bigger replay for local runs: BV_GENERATOR_STRESS=clients,providers,months,seed,defectRate,fraudRate.</summary>
    [Fact]
    public void Larger_run_replays_clean_when_asked()
    {
        var spec = Environment.GetEnvironmentVariable("BV_GENERATOR_STRESS");
        if (string.IsNullOrEmpty(spec))
        {
            return;
        }

        var parts = spec.Split(',');
        using var run = new GeneratedRun(new GeneratorOptions
        {
            Preset = GeneratorPreset.Tiny,
            Municipalities = 6,
            Clients = int.Parse(parts[0], CultureInfo.InvariantCulture),
            Providers = int.Parse(parts[1], CultureInfo.InvariantCulture),
            Months = int.Parse(parts[2], CultureInfo.InvariantCulture),
            Seed = ulong.Parse(parts[3], CultureInfo.InvariantCulture),
            DefectRate = double.Parse(parts[4], CultureInfo.InvariantCulture),
            FraudRate = double.Parse(parts[5], CultureInfo.InvariantCulture),
        });
        TinyRunTests.AssertLevel34MatchesAnswerKey(run);
        TinyRunTests.AssertFileOrder(run);
    }
}
