using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Berichtenverkeer.Generator.Simulation;
using Berichtenverkeer.Generator.World;

namespace Berichtenverkeer.Generator.Output;

/// <summary>answer-key.jsonl and manifest.json. Deterministic: no timings, no machine names — the same seed gives the same bytes.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static IReadOnlyList<AnswerKeyEntry> AnswerKey(Simulator simulation)
    {
        var entries = new List<(long Sequence, AnswerKeyEntry Entry)>();
        foreach (var d in simulation.Defects)
        {
            entries.Add((d.Sequence, new AnswerKeyEntry
            {
                Kind = "defect",
                Code = d.Code,
                Retourcode = DefectCodes.Retourcode(d.Code),
                AlsoCodes = d.Also,
                Gemeente = d.Gemeente,
                Agb = d.Agb,
                Files = d.Files,
                CorrectedBy = d.CorrectedBy,
                Identificatie = d.Identificatie,
                ReferentieNummers = d.ReferentieNummer is { } r ? [r] : [],
                ToewijzingNummers = d.ToewijzingNummer is { } t ? [t] : [],
                DeclaratieNummer = d.DeclaratieNummer,
                Clients = d.Client is { } c ? [c] : [],
                Description = d.Description,
            }));
        }

        foreach (var plan in simulation.FraudPlans.Where(p => p.Injected))
        {
            var files = plan.Files.ToList();
            var evidence = new SortedDictionary<string, string>(plan.Evidence, StringComparer.Ordinal)
            {
                ["gemeenten"] = string.Join(',', plan.Gemeenten),
            };
            entries.Add((files.Count == 0 ? long.MaxValue : files.Min(SequenceOf), new AnswerKeyEntry
            {
                Kind = "fraud",
                Code = plan.Code,
                Gemeente = plan.Gemeente?.Code ?? plan.Gemeenten.FirstOrDefault() ?? string.Empty,
                Agb = plan.Provider.Agb,
                FromAgb = plan.Origin?.Agb,
                Files = files,
                ReferentieNummers = plan.Referenties.ToList(),
                ToewijzingNummers = plan.ToewijzingNummers.ToList(),
                Clients = plan.Clients.ToList(),
                From = plan.From,
                To = plan.To,
                Description = plan.Description,
                Evidence = evidence,
            }));
        }

        return entries.OrderBy(e => e.Sequence).ThenBy(e => e.Entry.Code, StringComparer.Ordinal).Select(e => e.Entry).ToList();
    }

    public static void WriteAnswerKey(Stream stream, IReadOnlyList<AnswerKeyEntry> entries)
    {
        foreach (var e in entries)
        {
            using (var w = new Utf8JsonWriter(stream, Compact))
            {
                w.WriteStartObject();
                w.WriteString("kind", e.Kind);
                w.WriteString("code", e.Code);
                if (e.Retourcode is not null)
                {
                    w.WriteString("retourcode", e.Retourcode);
                }

                Strings(w, "also", e.AlsoCodes);
                w.WriteString("gemeente", e.Gemeente);
                w.WriteString("agb", e.Agb);
                if (e.FromAgb is not null)
                {
                    w.WriteString("from_agb", e.FromAgb);
                }

                Strings(w, "files", e.Files);
                Strings(w, "corrected_by", e.CorrectedBy);
                if (e.Identificatie is not null)
                {
                    w.WriteString("identificatie", e.Identificatie);
                }

                Strings(w, "referentienummers", e.ReferentieNummers);
                w.WriteStartArray("toewijzingnummers");
                foreach (var n in e.ToewijzingNummers)
                {
                    w.WriteNumberValue(n);
                }

                w.WriteEndArray();
                if (e.DeclaratieNummer is not null)
                {
                    w.WriteString("declaratienummer", e.DeclaratieNummer);
                }

                w.WriteStartArray("clients");
                foreach (var c in e.Clients)
                {
                    w.WriteNumberValue(c);
                }

                w.WriteEndArray();
                if (e.From is { } from)
                {
                    w.WriteString("from", Iso(from));
                }

                if (e.To is { } to)
                {
                    w.WriteString("to", Iso(to));
                }

                w.WriteString("description", e.Description);
                if (e.Evidence.Count > 0)
                {
                    w.WriteStartObject("evidence");
                    foreach (var (key, value) in e.Evidence.OrderBy(x => x.Key, StringComparer.Ordinal))
                    {
                        w.WriteString(key, value);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }
    }

    public static void WriteManifest(Stream stream, GeneratorSettings s, Simulator simulation, IReadOnlyList<AnswerKeyEntry> key,
        IReadOnlyList<string> cleanProviders, IReadOnlyList<string> fraudFreeProviders)
    {
        var c = simulation.Counters;
        var world = simulation.World;
        using var w = new Utf8JsonWriter(stream, Indented);
        w.WriteStartObject();
        w.WriteString("generator", "Berichtenverkeer.Generator");
        w.WriteString("standard", "iJw 3.2");
        w.WriteNumber("seed", s.Seed);
        w.WriteString("preset", s.Preset.ToString().ToLowerInvariant());
        w.WriteString("startMonth", s.StartMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        w.WriteNumber("months", s.Months);
        w.WriteStartArray("trafficMonths");
        for (var m = s.StartMonth; m < s.EndExclusive; m = m.AddMonths(1))
        {
            w.WriteStringValue(m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }

        w.WriteEndArray();
        w.WriteStartArray("declaredCareMonths");
        foreach (var m in c.PrestatiesPerCareMonth.Keys)
        {
            w.WriteStringValue(m.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }

        w.WriteEndArray();
        w.WriteString("historyFrom", s.StartMonth.AddMonths(-s.HistoryMonths).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        w.WriteString("lastDagtekeningBefore", Iso(s.EndExclusive));
        w.WriteString("note", "Messages dated before startMonth are history: the assignments and starts of clients already in care. " +
            "Process the files in name order with a system date on or after the last Dagtekening (TR135).");

        w.WriteStartObject("options");
        w.WriteNumber("municipalities", s.Municipalities);
        w.WriteNumber("providers", s.Providers);
        w.WriteNumber("clients", s.Clients);
        w.WriteNumber("defectRate", s.DefectRate);
        w.WriteNumber("fraudRate", s.FraudRate);
        w.WriteNumber("historyMonths", s.HistoryMonths);
        w.WriteNumber("maxClientsPerDeclaration", s.MaxClientsPerDeclaration);
        w.WriteStartObject("defectMix");
        foreach (var (code, weight) in s.DefectMix.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(code, weight);
        }

        w.WriteEndObject();
        Strings(w, "fraudPatterns", s.FraudPatterns);
        w.WriteEndObject();

        w.WriteStartObject("parties");
        w.WriteNumber("municipalities", world.Gemeenten.Count);
        w.WriteNumber("realMunicipalities", world.Gemeenten.Count(g => !g.Info.Synthetic));
        w.WriteNumber("syntheticMunicipalities", world.Gemeenten.Count(g => g.Info.Synthetic));
        Strings(w, "syntheticMunicipalityCodes", world.Gemeenten.Where(g => g.Info.Synthetic).Select(g => g.Code).ToList());
        w.WriteNumber("providers", world.Providers.Count);
        w.WriteNumber("clientsCreated", c.ClientsCreated);
        w.WriteNumber("activeClientsAtStart", c.ActiveClientsAtStart);
        w.WriteNumber("activeAssignmentsAtStart", c.ActiveAssignmentsAtStart);
        w.WriteNumber("assignmentsIssued", c.AssignmentsIssued);
        w.WriteNumber("activeClientsAtEnd", c.ActiveClientsAtEnd);
        w.WriteNumber("activeAssignmentsAtEnd", c.ActiveAssignmentsAtEnd);
        w.WriteEndObject();

        w.WriteStartObject("messages");
        w.WriteNumber("total", c.Messages);
        w.WriteNumber("history", c.HistoryMessages);
        w.WriteNumber("bytes", c.Bytes);
        w.WriteStartObject("perType");
        foreach (var (type, count) in c.PerType)
        {
            w.WriteNumber(type, count);
        }

        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("prestaties");
        w.WriteNumber("total", c.Prestaties);
        w.WriteNumber("debit", c.DebitPrestaties);
        w.WriteNumber("credit", c.CreditPrestaties);
        w.WriteNumber("debitAmountCents", c.DebitAmount);
        w.WriteNumber("creditAmountCents", c.CreditAmount);
        w.WriteStartObject("perCareMonth");
        foreach (var (month, count) in c.PrestatiesPerCareMonth)
        {
            w.WriteNumber(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), count);
        }

        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("answerKey");
        w.WriteNumber("cases", key.Count);
        w.WriteStartObject("perCode");
        foreach (var group in key.GroupBy(k => k.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(group.Key, group.Count());
        }

        w.WriteEndObject();
        w.WriteStartObject("fraudSkipped");
        foreach (var plan in simulation.FraudPlans.Where(p => !p.Injected))
        {
            w.WriteString(plan.Code + "@" + plan.Provider.Agb, plan.SkipReason ?? "not injected");
        }

        w.WriteEndObject();
        Strings(w, "cleanProviders", cleanProviders);
        Strings(w, "fraudFreeProviders", fraudFreeProviders);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }

    private static long SequenceOf(string file) => long.Parse(file.AsSpan(0, file.IndexOf('-', StringComparison.Ordinal)), CultureInfo.InvariantCulture);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Providers without any case, and providers without a fraud case.</summary>
    public static (List<string> Clean, List<string> FraudFree) Providers(WorldModel world, IReadOnlyList<AnswerKeyEntry> key)
    {
        var withCase = key.Select(k => k.Agb).Concat(key.Where(k => k.FromAgb is not null).Select(k => k.FromAgb!)).ToHashSet(StringComparer.Ordinal);
        var withFraud = key.Where(k => k.Kind == "fraud").SelectMany(k => k.FromAgb is null ? [k.Agb] : new[] { k.Agb, k.FromAgb })
            .ToHashSet(StringComparer.Ordinal);
        var clean = world.Providers.Select(p => p.Agb).Where(a => !withCase.Contains(a)).ToList();
        var fraudFree = world.Providers.Select(p => p.Agb).Where(a => !withFraud.Contains(a)).ToList();
        return (clean, fraudFree);
    }
}
