using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Ijw.Verdicts;
using Berichtenverkeer.Matching.Rules;
using Berichtenverkeer.Matching.Rules.Declarations;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;

namespace Berichtenverkeer.Matching.Engine;

/// <summary>
/// Applies control levels 3 and 4 to a message that passed levels 1 and 2: header rules first, then every class
/// in the order the spec prescribes (deletes before new deliveries, credits before debits), keeping the state of
/// this message's accepted classes so later classes see them. Pure: no I/O; the caller loads and commits state.
/// </summary>
public sealed class Matcher(IReferenceData reference, MatchingOptions? options = null)
{
    private readonly MatchingOptions _options = options ?? new MatchingOptions();

    public RuleSet Rules { get; } = RuleSet.Default;

    public MatchResult Match(IjwMessage message, StateSnapshot snapshot, ReceivedMessage received, DateOnly today)
    {
        var run = new Run(this, new MatchContext(message, snapshot, reference, today, _options));
        var record = Record(message, received);
        if (!run.Check(message, message.Header.Path))
        {
            return run.Result(new StateChanges { Message = record with { Outcome = Outcomes.Rejected } }, headerOnly: true);
        }

        return message switch
        {
            Jw301Message m => Assignments(run, m, record),
            Jw305Message m => StartStop(run, m.Client.Products, m.Client.Gegevens.Bsn, record),
            Jw307Message m => StartStop(run, m.Client.Products, m.Client.Gegevens.Bsn, record),
            Jw315Message m => Vot(run, m, record),
            Jw317Message m => Vow(run, m, record),
            Jw319Message m => Antwoord(run, m, record),
            Jw323Message m => Declaration(run, m, record),
            Jw325Message m => DeclarationAnswer(run, m, record),
            _ => run.Result(new StateChanges { Message = record }, headerOnly: false),
        };
    }

    private static MatchResult Assignments(Run run, Jw301Message m, MessageRecord record)
    {
        var ok = m.Client.ToegewezenProducten.Select(p => run.Check(p, p.Path)).ToList().TrueForAll(b => b);
        var changes = new StateChanges { Message = record with { Outcome = ok ? Outcomes.Accepted : Outcomes.Rejected } };
        if (ok)
        {
            foreach (var p in m.Client.ToegewezenProducten)
            {
                var known = run.Context.AssignmentVersions(p.ToewijzingNummer)
                    .Any(a => a.Toewijzingsdatum == p.Toewijzingsdatum && a.Toewijzingstijd == p.Toewijzingstijd);
                if (!known)
                {
                    // OP087 re-sends every current assignment with each JW301; an unchanged version is not stored twice.
                    var assignment = ToRecord(m, p, record.MessageId);
                    changes.Assignments.Add(assignment);
                    run.Context.Accept(assignment);
                }
            }
        }

        return run.Result(changes, headerOnly: false);
    }

    private static MatchResult StartStop<T>(Run run, IReadOnlyList<T> products, string bsn, MessageRecord record)
        where T : RegieProduct
    {
        var changes = new StateChanges { Message = record };
        var ok = true;

        // Deletes before new deliveries, so a delete plus its replacement in one message works (IV008, [DERIVED]).
        foreach (var p in products.Where(p => p.IsDelete).Concat(products.Where(p => !p.IsDelete)))
        {
            if (!run.Check(p, p.Path))
            {
                ok = false;
                continue;
            }

            var item = ToRecord(run.Context, p, bsn, record);
            if (p.IsDelete)
            {
                var index = run.Context.State.Regie.FindIndex(r => !r.Deleted && r.Bsn == bsn && r.Kind == item.Kind && r.Key == item.Key);
                if (index >= 0)
                {
                    changes.DeletedRegie.Add(run.Context.State.Regie[index]);
                    run.Context.State.Regie[index] = run.Context.State.Regie[index] with { Deleted = true };
                }
            }
            else
            {
                changes.Regie.Add(item);
                run.Context.State.Regie.Add(item);
            }
        }

        return ok
            ? run.Result(changes, headerOnly: false)
            : run.Result(new StateChanges { Message = record with { Outcome = Outcomes.Rejected } }, headerOnly: false);
    }

    private static MatchResult Vot(Run run, Jw315Message m, MessageRecord record)
    {
        var ok = run.Check(m.Client, m.Client.Path);
        ok &= m.Client.AangevraagdeProducten.Select(p => run.Check(p, p.Path)).ToList().TrueForAll(b => b);
        var changes = new StateChanges { Message = record with { Outcome = ok ? Outcomes.Accepted : Outcomes.Rejected } };
        if (ok)
        {
            changes.Requests.AddRange(m.Client.AangevraagdeProducten.Select(p =>
                Request(run.Context, m.Client.Gegevens.Bsn, p.ReferentieAanbieder, RequestKind.Vot, record.MessageId)));
        }

        return run.Result(changes, headerOnly: false);
    }

    private static MatchResult Vow(Run run, Jw317Message m, MessageRecord record)
    {
        var v = m.Client.Verzoek;
        var results = new List<bool>
        {
            run.Check(m.Client, m.Client.Path),
            run.Check(v, v.Path),
        };
        results.AddRange(v.OngewijzigdeProducten.Select(p => run.Check(p, p.Path)));
        results.AddRange(v.TeWijzigenProducten.Select(p => run.Check(p, p.Path)));
        results.AddRange(v.NieuweProducten.Select(p => run.Check(p, p.Path)));
        var ok = results.TrueForAll(b => b);
        var changes = new StateChanges { Message = record with { Outcome = ok ? Outcomes.Accepted : Outcomes.Rejected } };
        if (ok)
        {
            changes.Requests.Add(Request(run.Context, m.Client.Bsn, v.ReferentieAanbieder, RequestKind.Vow, record.MessageId));
        }

        return run.Result(changes, headerOnly: false);
    }

    private static MatchResult Antwoord(Run run, Jw319Message m, MessageRecord record)
    {
        var a = m.Antwoord;
        var ok = run.Check(a, a.Path);
        if (a is { WoonplaatsbeginselGemeente: { } gemeente, WoonplaatsbeginselPath: { } path })
        {
            ok &= run.Check(new WoonplaatsbeginselSubject { Path = path, Gemeente = gemeente }, path);
        }

        var changes = new StateChanges { Message = record with { Outcome = ok ? Outcomes.Accepted : Outcomes.Rejected } };
        if (ok)
        {
            changes.Answers.Add(new AnswerRecord
            {
                Gemeente = run.Context.Gemeente,
                Agb = run.Context.Agb,
                ReferentieAanbieder = a.ReferentieAanbieder,
                VerzoekAntwoord = a.VerzoekAntwoord,
                RedenAfwijzingVerzoek = a.RedenAfwijzingVerzoek,
                Dagtekening = m.Header.Dagtekening,
                MessageId = record.MessageId,
            });
        }

        return run.Result(changes, headerOnly: false);
    }

    private static MatchResult Declaration(Run run, Jw323Message m, MessageRecord record)
    {
        var d = m.Declaratie;
        if (!run.Check(d, d.Path))
        {
            // An error in class Declaratie: the declaration counts as not received (README §6.2).
            return run.Result(new StateChanges { Message = record with { Outcome = Outcomes.Rejected } }, headerOnly: false);
        }

        var changes = new StateChanges { Message = record };
        var rejectedClients = d.Clienten.Where(c => !run.Check(c, c.Path)).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        var declared = d.Clienten.SelectMany(c => c.Prestaties.Select(p => new DeclaredPrestatie { Path = p.Path, Client = c, Prestatie = p, Declaratie = d }));
        var judged = new List<PrestatieRecord>();

        // Credits before debits (OP366); a credit can be rejected only technically (IV085), so few rules apply to it.
        foreach (var item in declared.OrderBy(x => x.Prestatie.IsCredit ? 0 : 1))
        {
            var approved = !rejectedClients.Contains(item.Client.Path) && run.Check(item, item.Path, item.Prestatie.IsCredit ? CreditRule : null);
            var prestatie = ToRecord(run.Context, item, approved, run.CodesAt(item.Path), record.MessageId);
            judged.Add(prestatie);

            // A reused number (TR314) already belongs to the prestatie that used it first, and that row stands: storing
            // the reuse as well would break the provider's unique key and the message could never be recorded. The
            // answer still rejects it (8021), from the verdict.
            if (!run.Failed(TR314, item.Path))
            {
                changes.Prestaties.Add(prestatie);
                run.Context.Accept(prestatie);
            }
        }

        var toegekend = judged.Where(p => p.Approved).Sum(p => p.SignedBedrag);
        changes.Declaration = new DeclarationRecord
        {
            Agb = run.Context.Agb,
            Gemeente = run.Context.Gemeente,
            DeclaratieNummer = d.DeclaratieNummer,
            DeclaratiePeriode = d.DeclaratiePeriode,
            Ingediend = d.TotaalIngediendBedrag.Signed,
            Toegekend = toegekend,
            MessageId = record.MessageId,
        };
        var outcome = judged.All(p => p.Approved) ? Outcomes.Accepted
            : judged.Any(p => p.Approved) ? Outcomes.Partial
            : Outcomes.Rejected;
        return run.Result(new StateChanges { Message = record with { Outcome = outcome } }.With(changes), headerOnly: false);
    }

    private static MatchResult DeclarationAnswer(Run run, Jw325Message m, MessageRecord record)
    {
        if (m.DeclaratieAntwoord is { } a)
        {
            run.Check(a, a.Path);
            foreach (var c in a.Clienten)
            {
                run.Check(c, c.Path);
                foreach (var p in c.Prestaties)
                {
                    run.Check(new EchoedPrestatie { Path = p.Path, Client = c, Prestatie = p }, p.Path);
                }
            }
        }

        // A JW325 gets no answer: its findings travel out of band (OP090x2) and it is routed regardless.
        return run.Result(new StateChanges { Message = record with { Outcome = Outcomes.Accepted } }, headerOnly: false);
    }

    private static readonly string TR314 = new TR314_UniqueReferentieNummer().Code;

    private static bool CreditRule(MatchingRule rule) => rule is PrestatieRule { AppliesToCredit: true };

    private static MessageRecord Record(IjwMessage message, ReceivedMessage received) => new()
    {
        MessageId = received.MessageId,
        Type = message.Type.Name,
        Afzender = message.Header.Afzender,
        Ontvanger = message.Header.Ontvanger,
        Identificatie = message.Header.BerichtIdentificatie.Identificatie,
        Dagtekening = message.Header.Dagtekening,
        XsdVersie = $"{message.Header.XsdVersie.BasisschemaXsdVersie}/{message.Header.XsdVersie.BerichtXsdVersie}",
        ContentHash = received.ContentHash,
        ReceivedAt = received.ReceivedAt,
        Outcome = Outcomes.Accepted,
    };

    private static AssignmentRecord ToRecord(Jw301Message m, ToegewezenProduct p, string messageId) => new()
    {
        Gemeente = m.Header.Afzender,
        Agb = m.Header.Ontvanger,
        Bsn = m.Client.Gegevens.Bsn,
        ToewijzingNummer = p.ToewijzingNummer,
        Toewijzingsdatum = p.Toewijzingsdatum,
        Toewijzingstijd = p.Toewijzingstijd,
        Product = p.Product,
        Ingangsdatum = p.Ingangsdatum,
        Einddatum = p.Einddatum,
        RedenWijziging = p.RedenWijziging,
        Omvang = p.Omvang,
        Budget = p.Budget,
        ReferentieAanbieder = p.ReferentieAanbieder,
        MessageId = messageId,
    };

    private static RegieRecord ToRecord(MatchContext ctx, RegieProduct p, string bsn, MessageRecord record) => new()
    {
        Gemeente = ctx.Gemeente,
        Agb = ctx.Agb,
        Bsn = bsn,
        Kind = p is StopProduct ? RegieKind.Stop : RegieKind.Start,
        ToewijzingNummer = p.ToewijzingNummer,
        Product = p.Product,
        ToewijzingIngangsdatum = p.ToewijzingIngangsdatum,
        Begindatum = p.Begindatum,
        RedenBeeindiging = (p as StopProduct)?.RedenBeeindiging,
        Einddatum = (p as StopProduct)?.Einddatum,
        Dagtekening = record.Dagtekening,
        MessageId = record.MessageId,
    };

    private static RequestRecord Request(MatchContext ctx, string bsn, string referentie, RequestKind kind, string messageId) => new()
    {
        Agb = ctx.Agb,
        Gemeente = ctx.Gemeente,
        Bsn = bsn,
        ReferentieAanbieder = referentie,
        Kind = kind,
        Dagtekening = ctx.Dagtekening,
        MessageId = messageId,
    };

    private static PrestatieRecord ToRecord(MatchContext ctx, DeclaredPrestatie item, bool approved, IReadOnlyList<string> codes, string messageId)
    {
        var p = item.Prestatie;
        return new PrestatieRecord
        {
            Agb = ctx.Agb,
            Gemeente = ctx.Gemeente,
            Bsn = item.Client.Bsn,
            DeclaratieNummer = item.Declaratie.DeclaratieNummer,
            DeclaratiePeriode = item.Declaratie.DeclaratiePeriode,
            ReferentieNummer = p.ReferentieNummer,
            VorigReferentieNummer = p.VorigReferentieNummer,
            ToewijzingNummer = p.ToewijzingNummer,
            ProductCategorie = p.ProductCategorie,
            ProductCode = p.ProductCode,
            ProductPeriode = p.ProductPeriode,
            GeleverdVolume = p.GeleverdVolume,
            Eenheid = p.Eenheid,
            ProductTarief = p.ProductTarief,
            Bedrag = p.IngediendBedrag.Waarde,
            DebetCredit = p.IngediendBedrag.DebetCredit,
            Approved = approved,
            Codes = codes,
            MessageId = messageId,
        };
    }

    /// <summary>The findings of one message under evaluation.</summary>
    private sealed class Run(Matcher matcher, MatchContext context)
    {
        private readonly Dictionary<string, List<string>> _codes = new(StringComparer.Ordinal);
        private readonly List<RuleFinding> _findings = [];

        public MatchContext Context { get; } = context;

        /// <summary>Applies every rule for this subject type; records failing codes at <paramref name="path"/>.</summary>
        public bool Check<T>(T subject, string path, Func<MatchingRule, bool>? only = null)
        {
            var passed = true;
            foreach (var rule in matcher.Rules.For<T>(Context.Message.Type))
            {
                if (only is not null && !only(rule.Rule))
                {
                    continue;
                }

                if (!rule.Passes(subject, Context))
                {
                    passed = false;
                    _findings.Add(new RuleFinding(rule.Rule.Code, rule.Rule.Retourcode, rule.Rule.Level, path));
                    if (!_codes.TryGetValue(path, out var list))
                    {
                        _codes[path] = list = [];
                    }

                    if (!list.Contains(rule.Rule.Retourcode))
                    {
                        list.Add(rule.Rule.Retourcode);
                    }
                }
            }

            return passed;
        }

        public IReadOnlyList<string> CodesAt(string path) => _codes.TryGetValue(path, out var list) ? list : [];

        public bool Failed(string ruleCode, string path) => _findings.Exists(f => f.Path == path && f.Rule == ruleCode);

        public MatchResult Result(StateChanges changes, bool headerOnly)
        {
            var header = Context.Message.Header.Path;
            var verdict = headerOnly
                ? new Verdict { HeaderCodes = CodesAt(header) }
                : new Verdict { ClassCodes = _codes.Where(c => c.Key != header).ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value, StringComparer.Ordinal) };
            return new MatchResult(verdict, changes, _findings);
        }
    }
}

internal static class StateChangesExtensions
{
    /// <summary>Copies the effects of <paramref name="source"/> into a changes object that carries a final message record.</summary>
    public static StateChanges With(this StateChanges target, StateChanges source)
    {
        target.Assignments.AddRange(source.Assignments);
        target.Regie.AddRange(source.Regie);
        target.DeletedRegie.AddRange(source.DeletedRegie);
        target.Requests.AddRange(source.Requests);
        target.Answers.AddRange(source.Answers);
        target.Declaration = source.Declaration;
        target.Prestaties.AddRange(source.Prestaties);
        return target;
    }
}
