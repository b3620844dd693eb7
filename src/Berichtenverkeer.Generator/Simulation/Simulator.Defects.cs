using System.Diagnostics;
using System.Globalization;
using System.Text;
using Berichtenverkeer.Generator.World;
using Berichtenverkeer.Generator.Xml;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Generator.Simulation;

/// <summary>One injected technical defect, for the answer key.</summary>
internal sealed class DefectCase
{
    public required string Code { get; init; }

    public required string Gemeente { get; init; }

    public required string Agb { get; init; }

    public required long Sequence { get; init; }

    public List<string> Files { get; } = [];

    public List<string> CorrectedBy { get; } = [];

    public List<string> Also { get; } = [];

    public string? Identificatie { get; init; }

    public string? ReferentieNummer { get; init; }

    public long? ToewijzingNummer { get; init; }

    public string? DeclaratieNummer { get; init; }

    public int? Client { get; init; }

    public required string Description { get; init; }
}

/// <summary>A whole message rejected on a header or declaration rule, sent again with a fresh Identificatie.</summary>
internal sealed record ResendPayload(MessageType Type, Provider Provider, Gemeente Gemeente, byte[] Content, DefectCase Case, int Prestaties,
    string? NewDeclaratieNummer, List<DeclaredClient>? Clients, DateOnly CareMonth);

internal sealed class PlannedDefect
{
    public required string Code { get; init; }

    public List<DeclaredClient>? Clients { get; set; }

    public int? Prestaties { get; set; }

    /// <summary>The prestatie as it should have been (sent again in a supplementary declaration).</summary>
    public Prestatie? Correct { get; set; }

    public Prestatie? Defective { get; set; }

    public List<string> Also { get; } = [];

    public string Description { get; set; } = string.Empty;
}

internal sealed partial class Simulator
{
    private static readonly string[] HeaderOnly = [DefectCodes.TR056];

    private readonly Dictionary<string, int> _pendingDefects = new(StringComparer.Ordinal);

    private static readonly string[] RegieCodes = [DefectCodes.TR056, DefectCodes.TR063];

    private static readonly string[] DeclarationCodes =
    [
        DefectCodes.TR056, DefectCodes.TR307, DefectCodes.TR308, DefectCodes.TR314, DefectCodes.TR321,
        DefectCodes.TR333, DefectCodes.TR338, DefectCodes.TR389, DefectCodes.TR418,
    ];

    /// <summary>
    /// Whether this message carries a defect, and which. A share <see cref="GeneratorSettings.DefectRate"/> of the
    /// heen-messages in the traffic months is hit; the code is drawn from <see cref="GeneratorSettings.DefectMix"/>, so the
    /// mix is the share per TR code. A code that does not fit the message at hand (a declaration rule drawn on a start)
    /// waits for the next message it fits. Never in a provider that commits fraud: a fraud case is never also a technical one.
    /// </summary>
    private string? RollDefect(MessageType type, DateOnly day, Provider provider)
    {
        if (_s.DefectRate <= 0 || !InTraffic(day) || provider.Fraud is not null || provider.InvolvedInFraud)
        {
            return null;
        }

        var codes = CodesFor(type);
        string? waiting = null;
        foreach (var code in codes)
        {
            if (_pendingDefects.GetValueOrDefault(code) > 0 && (waiting is null || _pendingDefects[code] > _pendingDefects[waiting]))
            {
                waiting = code;
            }
        }

        if (waiting is not null)
        {
            _pendingDefects[waiting]--;
            return waiting;
        }

        if (!_rng.Chance(_s.DefectRate))
        {
            return null;
        }

        var drawn = DrawDefectCode();
        if (drawn is null || Array.IndexOf(codes, drawn) >= 0)
        {
            return drawn;
        }

        Requeue(drawn);
        return null;
    }

    /// <summary>A drawn code that could not be placed on this message waits for the next one it fits.</summary>
    private void Requeue(string code) => _pendingDefects[code] = _pendingDefects.GetValueOrDefault(code) + 1;

    private string? DrawDefectCode()
    {
        double total = 0;
        foreach (var code in DefectCodes.All)
        {
            total += _s.DefectMix.GetValueOrDefault(code);
        }

        if (total <= 0)
        {
            return null;
        }

        var target = _rng.NextDouble() * total;
        foreach (var code in DefectCodes.All)
        {
            var weight = _s.DefectMix.GetValueOrDefault(code);
            target -= weight;
            if (target < 0 && weight > 0)
            {
                return code;
            }
        }

        return null;
    }

    private static string[] CodesFor(MessageType type) => type.Number switch
    {
        305 or 307 => RegieCodes,
        323 => DeclarationCodes,
        _ => HeaderOnly,
    };

    /// <summary>
    /// Renders and emits a heen-message other than a declaration. A TR056 defect reuses the sender's previous
    /// Identificatie (the message is rejected on its header and sent again the next working day); a TR063 defect adds a
    /// stray delete of a start or stop that was never delivered.
    /// </summary>
    private string Heen(MessageType type, Provider p, Gemeente g, DateOnly day, byte phase, Func<HeaderInfo, byte[]> render, Assignment? a,
        bool allowDefect = true, RegieLine? strayBase = null)
    {
        var defect = allowDefect && (a is null || a.Fraud == AssignmentFraud.None) ? RollDefect(type, day, p) : null;
        if (defect == DefectCodes.TR063 && strayBase is null)
        {
            Requeue(defect);
            defect = null;
        }

        var previous = LastIdentificatie(type, p, g);
        HeaderInfo h;
        if (defect == DefectCodes.TR056 && previous is not null)
        {
            h = type.Sender == Party.Aanbieder
                ? new HeaderInfo(type, p.Agb, g.Code, previous, day)
                : new HeaderInfo(type, g.Code, p.Agb, previous, day);
        }
        else
        {
            h = NewHeader(type, p, g, day);
            if (defect == DefectCodes.TR056)
            {
                Requeue(defect);
                defect = null;
            }
        }

        var started = Stopwatch.GetTimestamp();
        var content = render(h);
        _counters.RenderTicks += Stopwatch.GetTimestamp() - started;
        var file = Emit(h, content);
        if (defect == DefectCodes.TR056)
        {
            var defectCase = Record(DefectCodes.TR056, g, p, file, h.Identificatie, a,
                $"{type.Name} reuses the Identificatie of an earlier {type.Name} of the same sender; rejected on the header and sent again the next working day.");
            Schedule(Calendar.AddWorkingDays(day, 1), Kind.Resend, phase, null, payload: new ResendPayload(type, p, g, content, defectCase, 0, null, null, default));
        }
        else if (defect == DefectCodes.TR063 && a is not null && strayBase is { } line)
        {
            Stray(type, p, g, day, a, line);
        }

        return file;
    }

    /// <summary>TR063: a delete (StatusAanlevering 3) of a start/stop key that was never delivered — a typo in the date.</summary>
    private void Stray(MessageType type, Provider p, Gemeente g, DateOnly day, Assignment a, RegieLine line)
    {
        RegieLine stray;
        if (type == MessageTypes.JW305)
        {
            var begin = line.Begindatum.AddDays(-1);
            while (a.CareBeganOn(begin))
            {
                begin = begin.AddDays(-1);
            }

            stray = line with { Begindatum = begin, StatusAanlevering = StatusAanlevering.Verwijderen };
        }
        else
        {
            var einde = line.Einddatum!.Value.AddDays(-1);
            stray = einde >= line.Begindatum
                ? line with { Einddatum = einde, StatusAanlevering = StatusAanlevering.Verwijderen }
                : line with { RedenBeeindiging = line.RedenBeeindiging == "36" ? "37" : "36", StatusAanlevering = StatusAanlevering.Verwijderen };
        }

        var h = NewHeader(type, p, g, day);
        var content = type == MessageTypes.JW305 ? _renderer.Jw305(h, a.Client, [stray]) : _renderer.Jw307(h, a.Client, [stray]);
        var file = Emit(h, content);
        Record(DefectCodes.TR063, g, p, file, h.Identificatie, a,
            $"{type.Name} deletes (StatusAanlevering 3) a {(type == MessageTypes.JW305 ? "start" : "stop")} whose key was never delivered (wrong date).");
    }

    private DefectCase Record(string code, Gemeente g, Provider p, string file, string identificatie, Assignment? a, string description,
        Prestatie? prestatie = null, string? declaratieNummer = null, IEnumerable<string>? also = null)
    {
        var defectCase = new DefectCase
        {
            Code = code,
            Gemeente = g.Code,
            Agb = p.Agb,
            Sequence = _messageSeq,
            Identificatie = identificatie,
            ReferentieNummer = prestatie?.ReferentieNummer,
            ToewijzingNummer = prestatie?.ToewijzingNummer ?? a?.Nummer,
            DeclaratieNummer = declaratieNummer,
            Client = (prestatie?.Assignment ?? a)?.Client.Index,
            Description = description,
        };
        defectCase.Files.Add(file);
        if (also is not null)
        {
            defectCase.Also.AddRange(also);
        }

        _defects.Add(defectCase);
        return defectCase;
    }

    private void Resend(DateOnly day, ResendPayload payload)
    {
        var id = NextIdentificatie(payload.Type, payload.Provider, payload.Gemeente, day);
        var content = Patch(payload.Content, "ijw:Identificatie", id);
        content = Patch(content, "ijw:Dagtekening", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (payload.NewDeclaratieNummer is { } nummer)
        {
            content = Patch(content, "jw323:DeclaratieNummer", nummer);
        }

        var h = payload.Type.Sender == Party.Aanbieder
            ? new HeaderInfo(payload.Type, payload.Provider.Agb, payload.Gemeente.Code, id, day)
            : new HeaderInfo(payload.Type, payload.Gemeente.Code, payload.Provider.Agb, id, day);
        var file = Emit(h, content, payload.Prestaties);
        payload.Case.CorrectedBy.Add(file);
        if (payload.Clients is { } clients)
        {
            CountPrestaties(clients, payload.CareMonth);
            Received(payload.Provider, payload.NewDeclaratieNummer ?? payload.Case.DeclaratieNummer!, clients);
        }
    }

    /// <summary>Replaces the text of the first <paramref name="qualifiedName"/> element (the header's, for the names we patch).</summary>
    private static byte[] Patch(byte[] xml, string qualifiedName, string value)
    {
        var open = Encoding.UTF8.GetBytes("<" + qualifiedName + ">");
        var start = xml.AsSpan().IndexOf(open);
        if (start < 0)
        {
            throw new InvalidOperationException($"Element {qualifiedName} not found.");
        }

        start += open.Length;
        var length = xml.AsSpan(start).IndexOf((byte)'<');
        var replacement = Encoding.UTF8.GetBytes(value);
        var result = new byte[xml.Length - length + replacement.Length];
        xml.AsSpan(0, start).CopyTo(result);
        replacement.CopyTo(result.AsSpan(start));
        xml.AsSpan(start + length).CopyTo(result.AsSpan(start + replacement.Length));
        return result;
    }

    // ---------------------------------------------------------------- declarations

    /// <summary>Works out a declaration defect on the prestaties about to be sent; null when no prestatie fits the code.</summary>
    private PlannedDefect? PrepareDeclarationDefect(string code, Provider p, List<DeclaredClient> clients, DateOnly careMonth)
    {
        switch (code)
        {
            case DefectCodes.TR056:
                return LastIdentificatie(MessageTypes.JW323, p, clients[0].Client.Gemeente) is null && p.NextIdentificatie[3] == 0
                    ? null
                    : new PlannedDefect { Code = code, Description = "JW323 reuses the Identificatie of an earlier JW323 of this provider; rejected on the header, sent again." };
            case DefectCodes.TR333:
                return p.LastDeclaratieNummer is null ? null
                    : new PlannedDefect { Code = code, Description = "JW323 reuses the DeclaratieNummer of an earlier declaration; the declaration counts as not received and is sent again with a new number." };
        }

        var last = Calendar.LastOfMonth(careMonth);
        var candidates = new List<(int Client, int Index)>();
        for (var c = 0; c < clients.Count; c++)
        {
            var list = clients[c].Prestaties;
            for (var i = 0; i < list.Count; i++)
            {
                var prestatie = list[i];
                var a = prestatie.Assignment;
                if (prestatie.Credit || a.Fraud != AssignmentFraud.None || prestatie.Begin < careMonth)
                {
                    continue;
                }

                var fits = code switch
                {
                    DefectCodes.TR307 => prestatie.Begin > careMonth,
                    DefectCodes.TR308 => prestatie.End < last,
                    DefectCodes.TR314 => p.LastApprovedReferentie is not null,
                    DefectCodes.TR321 => a.Product.HasOmvang && !a.Product.IsTotal && a.Product.Eenheid is Eenheid.Uur or Eenheid.Dagdeel,
                    DefectCodes.TR338 => true,
                    DefectCodes.TR389 => a.PreviousDebit is { Credited: false, Credit: false } before && before.DeclaredFor < careMonth
                        && before.End < careMonth && before.Defect is null,
                    DefectCodes.TR418 => prestatie.Eenheid != Eenheid.Minuut && !a.Product.IsAspecific && prestatie.Tarief is not null,
                    _ => false,
                };
                if (fits)
                {
                    candidates.Add((c, i));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var (clientIndex, prestatieIndex) = candidates[_rng.Next(candidates.Count)];
        var correct = clients[clientIndex].Prestaties[prestatieIndex];
        var planned = new PlannedDefect { Code = code, Correct = correct };
        var copy = new List<DeclaredClient>(clients);
        var prestaties = new List<Prestatie>(clients[clientIndex].Prestaties);
        copy[clientIndex] = new DeclaredClient(clients[clientIndex].Client, prestaties);
        planned.Clients = copy;
        var assignment = correct.Assignment;
        if (code == DefectCodes.TR389)
        {
            var before = assignment.PreviousDebit!;
            var duplicate = Copy(before, NextReferentie(p, careMonth), careMonth);
            duplicate.Defect = code;
            prestaties.Add(duplicate);
            planned.Defective = duplicate;
            planned.Correct = null;
            planned.Prestaties = planned.Clients.Sum(c => c.Prestaties.Count);
            var standing = assignment.DeclaredVolume + VolumeRules.Scaled(assignment, duplicate.Volume, duplicate.Eenheid);
            if (assignment.Product.HasOmvang && standing > MatcherTotal(assignment, correct.End))
            {
                planned.Also.Add("TR322");
            }

            if (assignment.Budget is { } budget && assignment.DeclaredAmount + duplicate.Bedrag > budget)
            {
                planned.Also.Add("TR369");
            }

            planned.Description = "Second debit for a ToewijzingNummer, product and ProductPeriode already declared and approved, without a credit first.";
            return planned;
        }

        Prestatie defective;
        switch (code)
        {
            case DefectCodes.TR307:
                defective = Copy(correct, NextReferentie(p, careMonth), careMonth, begin: careMonth);
                planned.Also.Add("TR387");
                planned.Description = "ProductPeriode starts on the first of the month, before the assignment's Ingangsdatum.";
                break;
            case DefectCodes.TR308:
                defective = Copy(correct, NextReferentie(p, careMonth), careMonth, end: last);
                planned.Also.Add("TR388");
                planned.Description = "ProductPeriode runs to the end of the month, after the assignment's Einddatum.";
                break;
            case DefectCodes.TR314:
                defective = Copy(correct, p.LastApprovedReferentie!, careMonth);
                planned.Description = "ReferentieNummer already used for an earlier approved prestatie of this provider.";
                break;
            case DefectCodes.TR338:
                defective = Copy(correct, NextReferentie(p, careMonth), careMonth, nummer: 900_000_000 + _rng.Next(99_999_999));
                planned.Description = "ToewijzingNummer mistyped: no assignment of this municipality to this provider has it.";
                break;
            case DefectCodes.TR321:
            {
                var max = VolumeRules.PeriodMax(assignment, correct.Begin, correct.End);
                var volume = correct.Eenheid == Eenheid.Minuut ? (max * 60) + (60 * _rng.Between(1, 3)) : max + _rng.Between(1, 3);
                var hourly = _world.Tariff(p, assignment.Gemeente, assignment.Product, correct.Begin.Year);
                var bedrag = correct.Eenheid == Eenheid.Minuut ? VolumeRules.RoundHalfUp(hourly * volume, 60) : volume * correct.Tarief!.Value;
                defective = Copy(correct, NextReferentie(p, careMonth), careMonth, volume: volume, bedrag: bedrag);
                var standingBefore = assignment.DeclaredVolume - VolumeRules.Scaled(assignment, correct.Volume, correct.Eenheid);
                if (standingBefore + VolumeRules.Scaled(assignment, volume, correct.Eenheid) > MatcherTotal(assignment, correct.End))
                {
                    planned.Also.Add("TR322");
                }

                planned.Description = "GeleverdVolume above the maximum for the ProductPeriode (rules.md §6.2).";
                break;
            }

            default:
            {
                var contract = _world.Tariff(p, assignment.Gemeente, assignment.Product, correct.Begin.Year);
                var wrong = careMonth.Month == 1
                    ? _world.Tariff(p, assignment.Gemeente, assignment.Product, correct.Begin.Year - 1)
                    : contract + Math.Max(5, contract * _rng.Between(3, 8) / 100 / 5 * 5);
                if (wrong == contract)
                {
                    wrong = contract + 5;
                }

                defective = Copy(correct, NextReferentie(p, careMonth), careMonth, tarief: wrong, bedrag: correct.Volume * wrong);
                planned.Description = careMonth.Month == 1
                    ? "ProductTarief is last year's tariff instead of the indexed contract tariff."
                    : "ProductTarief differs from the contract tariff.";
                break;
            }
        }

        defective.Defect = code;
        prestaties[prestatieIndex] = defective;
        planned.Defective = defective;
        planned.Prestaties = planned.Clients.Sum(c => c.Prestaties.Count);
        return planned;
    }

    private void CompleteDeclarationDefect(DateOnly day, PlannedDefect planned, Provider p, Gemeente g, DateOnly careMonth, HeaderInfo h,
        string file, byte[] content, string nummer, List<DeclaredClient> clients)
    {
        switch (planned.Code)
        {
            case DefectCodes.TR056:
            {
                var defectCase = Record(planned.Code, g, p, file, h.Identificatie, null, planned.Description, declaratieNummer: nummer);
                Schedule(Calendar.AddWorkingDays(day, 2), Kind.Resend, Phase323, null,
                    payload: new ResendPayload(MessageTypes.JW323, p, g, content, defectCase, clients.Sum(c => c.Prestaties.Count), null, clients, careMonth));
                return;
            }

            case DefectCodes.TR333:
            {
                var defectCase = Record(planned.Code, g, p, file, h.Identificatie, null, planned.Description, declaratieNummer: p.LastDeclaratieNummer);
                Schedule(Calendar.AddWorkingDays(day, 2), Kind.Resend, Phase323, null,
                    payload: new ResendPayload(MessageTypes.JW323, p, g, content, defectCase, clients.Sum(c => c.Prestaties.Count), nummer, clients, careMonth));
                return;
            }
        }

        Received(p, nummer, planned.Clients!);
        var recorded = Record(planned.Code, g, p, file, h.Identificatie, planned.Defective!.Assignment, planned.Description,
            prestatie: planned.Defective, declaratieNummer: nummer, also: planned.Also);
        if (planned.Correct is { } correct)
        {
            Schedule(Calendar.AddWorkingDays(day, _rng.Between(2, 4)), Kind.Supplement, Phase323, null,
                payload: new SupplementPayload(p, g, careMonth, correct, recorded));
        }
    }

    /// <summary>TR322's total as the receiver computes it: over the whole assignment as it stands (rules.md §6.3).</summary>
    private static long MatcherTotal(Assignment a, DateOnly declaredEnd)
    {
        var until = a.Einddatum ?? Calendar.Max(a.DeclaredUntil ?? declaredEnd, declaredEnd);
        return VolumeRules.TotalMaxUntil(a, until) * VolumeRules.Scale(a);
    }

    private static Prestatie Copy(Prestatie source, string referentie, DateOnly careMonth, DateOnly? begin = null, DateOnly? end = null, long? nummer = null,
        long? volume = null, long? tarief = null, long? bedrag = null) => new()
    {
        Assignment = source.Assignment,
        ReferentieNummer = referentie,
        ProductCategorie = source.ProductCategorie,
        ProductCode = source.ProductCode,
        ToewijzingNummer = nummer ?? source.ToewijzingNummer,
        Begin = begin ?? source.Begin,
        End = end ?? source.End,
        Volume = volume ?? source.Volume,
        Eenheid = source.Eenheid,
        Tarief = tarief ?? source.Tarief,
        Bedrag = bedrag ?? source.Bedrag,
        Credit = false,
        DeclaredFor = careMonth,
    };
}
