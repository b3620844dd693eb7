using System.Globalization;
using Berichtenverkeer.Generator.World;
using Berichtenverkeer.Generator.Xml;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Generator.Simulation;

/// <summary>
/// Fraud patterns of fraud-signals.md, each committed by one provider in a way that stays within the technical rules
/// (OP364: start/stop never decide a declaration; the maxima of TR321/TR322 hold), so only a fraud detector can see it.
/// </summary>
internal sealed partial class Simulator
{
    /// <summary>Care months that get declared within the run (declared the month after).</summary>
    private List<DateOnly> DeclaredCareMonths()
    {
        var months = new List<DateOnly>();
        for (var m = _warmup; m.AddMonths(1) < _end; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        return months;
    }

    private void PlanFraud()
    {
        if (_s.FraudRate <= 0 || _s.FraudPatterns.Count == 0)
        {
            return;
        }

        var rng = _rng.Fork(3);
        var wanted = Math.Max(1, (int)Math.Round(_s.FraudRate * _s.Providers));
        wanted = Math.Min(wanted, Math.Max(1, _s.Providers / 2));
        var patterns = _s.FraudPatterns.Distinct(StringComparer.Ordinal).ToList();
        rng.Shuffle(patterns);
        var candidates = _world.Providers.ToList();
        rng.Shuffle(candidates);
        var careMonths = DeclaredCareMonths();
        var next = 0;
        for (var i = 0; i < wanted && next < candidates.Count; i++)
        {
            string? pattern = null;
            for (var k = 0; k < patterns.Count; k++)
            {
                var candidate = patterns[(i + k) % patterns.Count];
                if (Feasible(candidate))
                {
                    pattern = candidate;
                    break;
                }
            }

            if (pattern is null)
            {
                break;
            }

            var provider = candidates[next++];
            var plan = new FraudPlan(pattern, provider);
            provider.Fraud = plan;
            provider.SizeWeight = Math.Max(provider.SizeWeight, 1.2);
            _fraudPlans.Add(plan);
            var careMonth = careMonths[rng.Next(careMonths.Count)];
            switch (pattern)
            {
                case FraudCodes.FR26:
                    provider.Profile = ProviderProfile.UrenPerMaand;
                    plan.Description = "Max-out billing: every client is declared at the full assigned volume every month (u = 100%), never a dip.";
                    break;
                case FraudCodes.FR24:
                    provider.Profile = ProviderProfile.Residentieel;
                    plan.EventDay = Calendar.NextWorkingDay(careMonth.AddDays(rng.Between(3, 8)));
                    Schedule(plan.EventDay, Kind.NewCase, Phase301, provider, arg: (int)Route.Fraud, payload: plan);
                    plan.Description = "Impossible volume: a respite assignment in etmalen (total, F6) is declared in its first, broken month with more etmalen than the period has days — within the assignment's maxima.";
                    break;
                case FraudCodes.FR17:
                    plan.Remaining = rng.Between(1, 2);
                    for (var k = 0; k < plan.Remaining; k++)
                    {
                        Schedule(Calendar.NextWorkingDay(_warmup.AddDays(rng.Between(2, 8))), Kind.NewCase, Phase301, provider, arg: (int)Route.Fraud, payload: plan);
                    }

                    plan.Description = "Declared but never started: assignments without any JW305, declared every month as if care ran from the Ingangsdatum.";
                    break;
                case FraudCodes.FR14:
                case FraudCodes.FR15:
                case FraudCodes.FR16:
                    plan.EventDay = Calendar.NextWorkingDay(careMonth.AddDays(rng.Between(2, 17)));
                    Schedule(plan.EventDay, Kind.FraudEvent, Phase307, provider, payload: plan);
                    plan.Description = pattern switch
                    {
                        FraudCodes.FR14 => "Care declared after death: the client died (JW307 reason 02); the provider keeps declaring full months on an assignment the municipality did not end.",
                        FraudCodes.FR15 => "Declared after a definitive stop: the provider stopped (JW307) but keeps declaring full months; the municipality did not end the assignment.",
                        _ => "Declared during a temporary stop: JW307 reason 20 without a restart, yet full months are declared.",
                    };
                    break;
                case FraudCodes.FR32:
                    provider.SizeWeight = 0.6;
                    plan.EventDay = Calendar.NextWorkingDay(careMonths[^1]);
                    Schedule(plan.EventDay, Kind.FraudEvent, PhasePlan, provider, payload: plan);
                    plan.Description = "Sudden growth: in one month the provider takes on about twice its caseload in new clients; its declared amount and client count jump.";
                    break;
                case FraudCodes.FR34:
                    var month = _start.AddMonths((_s.Months - 1) / 2);
                    plan.EventDay = Calendar.NextWorkingDay(month.AddDays(rng.Between(4, 11)));
                    provider.ActiveFromDay = plan.EventDay.DayNumber;
                    Schedule(plan.EventDay, Kind.FraudEvent, Phase307, provider, payload: plan);
                    plan.Description = "Client migration: clients stop at one provider with reason 38 (switch) and start at a new provider within 30 days.";
                    break;
            }
        }

        bool Feasible(string pattern) => pattern switch
        {
            FraudCodes.FR26 or FraudCodes.FR32 => _s.Months >= 3,
            FraudCodes.FR34 => _s.Providers >= 2,
            _ => true,
        };
    }

    /// <summary>FR34 needs a provider the clients leave: the non-fraud provider with most clients in one municipality.</summary>
    private void PlaceFraudAfterStock()
    {
        foreach (var plan in _fraudPlans.Where(p => p.Code == FraudCodes.FR34))
        {
            var b = plan.Provider;
            var best = _stockForBudgets
                .Where(a => a.Provider.Fraud is null && !a.Provider.InvolvedInFraud && a.Provider != b
                    && (a.Einddatum is null || a.Einddatum > plan.EventDay.AddDays(40)))
                .GroupBy(a => (a.Provider.Index, a.Gemeente.Index))
                .Select(grp => (grp.Key, Count: grp.Count()))
                .OrderByDescending(x => x.Count).ThenBy(x => x.Key.Item1).ThenBy(x => x.Key.Item2)
                .FirstOrDefault();
            if (best.Count < 5)
            {
                plan.SkipReason = "no provider with at least 5 clients in one municipality";
                continue;
            }

            var origin = _world.Providers[best.Key.Item1];
            var g = _world.Gemeenten[best.Key.Item2];
            origin.InvolvedInFraud = true;
            plan.Origin = origin;
            plan.Gemeente = g;
            b.Profile = origin.Profile;
            if (!b.Caseload.ContainsKey(g.Index))
            {
                b.Gemeenten.Add(g);
                b.Gemeenten.Sort((x, y) => x.Index.CompareTo(y.Index));
                b.Caseload[g.Index] = [];
                g.Providers.Add(b);
                g.Providers.Sort((x, y) => x.Index.CompareTo(y.Index));
            }
        }
    }

    private void FraudEvent(DateOnly day, FraudPlan plan)
    {
        switch (plan.Code)
        {
            case FraudCodes.FR14:
            case FraudCodes.FR15:
            case FraudCodes.FR16:
                StopPattern(day, plan);
                break;
            case FraudCodes.FR32:
                Growth(day, plan);
                break;
            case FraudCodes.FR34:
                Migration(day, plan);
                break;
        }
    }

    private void StopPattern(DateOnly day, FraudPlan plan)
    {
        var p = plan.Provider;
        var monthEnd = Calendar.LastOfMonth(day);
        var candidates = new List<Assignment>();
        foreach (var g in p.Gemeenten)
        {
            foreach (var a in p.Caseload[g.Index])
            {
                if (a is { Issued: true, StartReported: true, PendingStartCorrection: false, DefinitiveStop: null, TemporaryStop: null, Fraud: AssignmentFraud.None }
                    && a.Client.Overleden is null && a.StartBegindatum < day.AddDays(-7) && a.LastRegieDay < day
                    && !a.Product.IsTotal && (a.Einddatum is null || a.Einddatum > monthEnd.AddMonths(1)))
                {
                    candidates.Add(a);
                }
            }
        }

        if (candidates.Count == 0)
        {
            plan.SkipReason = "no assignment of the provider was in care on the event day";
            return;
        }

        var target = candidates[_rng.Next(candidates.Count)];
        Mark(plan, target, day);
        var version = ++target.FateVersion;
        switch (plan.Code)
        {
            case FraudCodes.FR14:
                target.Fraud |= AssignmentFraud.ContinuesAfterDeath;
                target.MunicipalityIgnoresStop = true;
                var reporter = target.Client.Assignments.FirstOrDefault(o => o != target && o.Provider != p && o.StartReported && o.DefinitiveStop is null && o.Issued);
                plan.Evidence["overlijdensdatum"] = Iso(day);
                if (reporter is not null)
                {
                    plan.Evidence["gemeld_door_agb"] = reporter.Provider.Agb;
                    Death(target.Client, day, except: target, plan);
                }
                else
                {
                    plan.Evidence["gemeld_door_agb"] = p.Agb;
                    target.Client.Overleden = day;
                    RemoveActive(target.Client);
                    Death(target.Client, day, except: target, plan);
                    ScheduleStop(target, day, 2, version, plan);
                }

                break;
            case FraudCodes.FR15:
                target.Fraud |= AssignmentFraud.ContinuesAfterStop;
                target.MunicipalityIgnoresStop = true;
                var reden = _rng.Chance(0.5) ? 34 : 32;
                plan.Evidence["stopdatum"] = Iso(day);
                plan.Evidence["reden_beeindiging"] = reden.ToString(CultureInfo.InvariantCulture);
                ScheduleStop(target, day, reden, version, plan);
                break;
            default:
                target.Fraud |= AssignmentFraud.ContinuesDuringTemporaryStop;
                plan.Evidence["tijdelijke_stop"] = Iso(day);
                Schedule(RegieDay(target, day), Kind.TemporaryStop, Phase307, target, arg: day.DayNumber, payload: plan, version: version);
                break;
        }
    }

    private static void Mark(FraudPlan plan, Assignment a, DateOnly day)
    {
        plan.Injected = true;
        plan.Gemeente ??= a.Gemeente;
        plan.Gemeenten.Add(a.Gemeente.Code);
        plan.Clients.Add(a.Client.Index);
        plan.ToewijzingNummers.Add(a.Nummer);
        plan.Touch(day);
        a.Plan = plan;
    }

    private void Growth(DateOnly day, FraudPlan plan)
    {
        var p = plan.Provider;
        var count = Math.Max(6, (int)(2 * p.ActiveAssignments));
        plan.Remaining = count;
        plan.Evidence["nieuwe_toewijzingen"] = count.ToString(CultureInfo.InvariantCulture);
        plan.Evidence["groeimaand"] = Iso(Calendar.FirstOfMonth(day));
        plan.Evidence["toewijzingen_voor_groei"] = p.ActiveAssignments.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            var arrival = Calendar.NextWorkingDay(day.AddDays(_rng.Between(0, 9)));
            Schedule(arrival, Kind.NewCase, Phase301, p, arg: (int)Route.Fraud, payload: plan);
        }
    }

    private void Migration(DateOnly day, FraudPlan plan)
    {
        if (plan.Origin is not { } origin || plan.Gemeente is not { } g)
        {
            return;
        }

        var candidates = origin.Caseload[g.Index]
            .Where(a => a is { Issued: true, StartReported: true, PendingStartCorrection: false, DefinitiveStop: null, TemporaryStop: null, Fraud: AssignmentFraud.None }
                && a.Client.Overleden is null && a.LastRegieDay < day && a.StartBegindatum < day && (a.Einddatum is null || a.Einddatum > day.AddDays(40)))
            .ToList();
        if (candidates.Count < 5)
        {
            plan.SkipReason = "the origin provider had fewer than 5 clients in care on the migration day";
            return;
        }

        _rng.Shuffle(candidates);
        var n = Math.Min(candidates.Count, Math.Max(5, (int)Math.Ceiling(0.3 * candidates.Count)));
        var b = plan.Provider;
        plan.Evidence["van_agb"] = origin.Agb;
        plan.Evidence["overstapdatum"] = Iso(day);
        plan.Evidence["aantal_clienten"] = n.ToString(CultureInfo.InvariantCulture);
        plan.Evidence["caseload_van_agb"] = candidates.Count.ToString(CultureInfo.InvariantCulture);
        foreach (var a in candidates.Take(n))
        {
            plan.Injected = true;
            plan.Gemeente ??= g;
            plan.Gemeenten.Add(g.Code);
            plan.Clients.Add(a.Client.Index);
            plan.ToewijzingNummers.Add(a.Nummer);
            plan.Touch(day);
            var version = ++a.FateVersion;
            ScheduleStop(a, day, 38, version, plan);
            var ingang = day.AddDays(1);
            var einde = a.Einddatum is { } e && e > ingang.AddDays(30) ? e : a.Product.IsWeekly || a.Product.IsAspecific ? ingang.AddMonths(3) : a.Einddatum;
            var moved = CreateAssignment(a.Client, b, g, a.Product, ingang, einde, a.Volume);
            moved.Plan = plan;
            Schedule(Calendar.AddWorkingDays(day, _rng.Between(2, 4)), Kind.NewCase, Phase315, moved, arg: (int)Route.Fraud, payload: plan);
        }
    }

    /// <summary>A case a fraud plan needs: FR17 (never started), FR24 (impossible volume), FR32 (growth), FR34 (the moved client's request).</summary>
    private void FraudCase(DateOnly day, FraudPlan plan, Act act)
    {
        if (act.Subject is Assignment moved)
        {
            Vot(day, moved, Calendar.AddWorkingDays(day, _rng.Between(1, 3)));
            return;
        }

        var p = plan.Provider;
        var g = p.Gemeenten[_rng.Next(p.Gemeenten.Count)];
        var client = NewClient(g, day, minimumAgeYears: 4);
        switch (plan.Code)
        {
            case FraudCodes.FR24:
            {
                var ingang = Calendar.FirstOfMonth(day).AddDays(_rng.Between(13, 16));
                var a = CreateAssignment(client, p, g, ProductCatalog.Logeeropvang, ingang, ingang.AddMonths(_rng.Between(3, 4)).AddDays(-1), _rng.Between(50, 60));
                a.Fraud = AssignmentFraud.ImpossibleVolume;
                Mark(plan, a, day);
                plan.Evidence["volume_totaal"] = a.Volume.ToString(CultureInfo.InvariantCulture);
                Assign(day, a);
                break;
            }

            case FraudCodes.FR17:
            {
                if (PickProduct(p, g, client) is not { } product)
                {
                    return;
                }

                var ingang = day.AddDays(_rng.Between(0, 5));
                var a = CreateAssignment(client, p, g, product, ingang, PlannedEnd(product, ingang) ?? ingang.AddMonths(6).AddDays(-1));
                a.Fraud = AssignmentFraud.NeverStarted;
                Mark(plan, a, day);
                Assign(day, a);
                break;
            }

            case FraudCodes.FR32:
            {
                if (PickProduct(p, g, client) is not { } product)
                {
                    return;
                }

                var ingang = day.AddDays(_rng.Between(0, 4));
                var a = CreateAssignment(client, p, g, product, ingang, PlannedEnd(product, ingang));
                plan.Gemeenten.Add(g.Code);
                plan.Gemeente ??= g;
                plan.Clients.Add(client.Index);
                plan.ToewijzingNummers.Add(a.Nummer);
                if (_rng.Chance(0.5))
                {
                    Vot(day, a, Calendar.AddWorkingDays(day, _rng.Between(1, 3)));
                }
                else
                {
                    Assign(day, a);
                }

                break;
            }
        }
    }

    /// <summary>Collects the declarations that carry a fraud case, and the monthly figures FR26/FR32 are judged on.</summary>
    private void TrackFraud(Provider p, DateOnly careMonth, List<DeclaredClient> clients, string file, bool countEvidence)
    {
        if (p.Fraud is { Code: FraudCodes.FR26 or FraudCodes.FR32 } providerPlan && countEvidence)
        {
            long amount = 0;
            long prestaties = 0;
            long atMax = 0;
            foreach (var c in clients)
            {
                foreach (var prestatie in c.Prestaties)
                {
                    amount += prestatie.Signed;
                    prestaties++;
                    var a = prestatie.Assignment;
                    if (a.Product.HasOmvang && !prestatie.Credit)
                    {
                        var max = VolumeRules.PeriodMax(a, prestatie.Begin, prestatie.End) * VolumeRules.Scale(a);
                        if (VolumeRules.Scaled(a, prestatie.Volume, prestatie.Eenheid) >= 0.98 * max)
                        {
                            atMax++;
                        }
                    }

                    if (providerPlan.Code == FraudCodes.FR26)
                    {
                        providerPlan.Clients.Add(c.Client.Index);
                        providerPlan.Gemeenten.Add(a.Gemeente.Code);
                        providerPlan.Gemeente ??= a.Gemeente;
                    }
                }
            }

            var before = providerPlan.Months.GetValueOrDefault(careMonth);
            providerPlan.Months[careMonth] = (before.Amount + amount, before.Clients + clients.Count, before.Prestaties + prestaties, before.AtMax + atMax);
            providerPlan.Files.Add(file);
            providerPlan.Touch(careMonth);
        }

        foreach (var c in clients)
        {
            foreach (var prestatie in c.Prestaties)
            {
                if (prestatie.Assignment.Plan is not { } plan || plan.Code is FraudCodes.FR34 or FraudCodes.FR32)
                {
                    continue;
                }

                var counts = plan.Code switch
                {
                    FraudCodes.FR24 => prestatie.Volume > Calendar.Days(prestatie.Begin, prestatie.End),
                    FraudCodes.FR17 => true,

                    // An output unit (per month) in the month of the event is that month's product, which TR321 allows
                    // for a broken month; only a later month is care declared after the event.
                    _ => prestatie.End > plan.EventDay && (prestatie.Assignment.Product.Eenheid != Eenheid.StuksOutput || prestatie.Begin > plan.EventDay),
                };
                if (counts)
                {
                    plan.Files.Add(file);
                    plan.Referenties.Add(prestatie.ReferentieNummer);
                    plan.Touch(prestatie.End);
                    if (plan.Code == FraudCodes.FR24)
                    {
                        plan.Evidence["geleverd_volume"] = prestatie.Volume.ToString(CultureInfo.InvariantCulture);
                        plan.Evidence["dagen_in_periode"] = Calendar.Days(prestatie.Begin, prestatie.End).ToString(CultureInfo.InvariantCulture);
                    }
                }
            }
        }
    }

    /// <summary>After the run: which provider-level patterns really happened (enough months, the growth month declared).</summary>
    public void ConcludeFraud()
    {
        foreach (var plan in _fraudPlans)
        {
            switch (plan.Code)
            {
                case FraudCodes.FR26:
                    var months = plan.Months.Count(m => m.Value.Prestaties > 0);
                    plan.Injected = months >= 3 && plan.Clients.Count > 0;
                    plan.Evidence["maanden"] = months.ToString(CultureInfo.InvariantCulture);
                    var total = plan.Months.Sum(m => m.Value.Prestaties);
                    var atMax = plan.Months.Sum(m => m.Value.AtMax);
                    plan.Evidence["aandeel_prestaties_op_maximum"] = total == 0 ? "0" : (atMax / (double)total).ToString("0.000", CultureInfo.InvariantCulture);
                    if (!plan.Injected)
                    {
                        plan.SkipReason ??= "fewer than 3 declared months or no clients";
                    }

                    break;
                case FraudCodes.FR32:
                    var growth = plan.Evidence.TryGetValue("groeimaand", out var g) ? DateOnly.ParseExact(g, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
                    plan.Injected = growth is { } gm && plan.Months.ContainsKey(gm) && plan.Months.Keys.Any(k => k < gm);
                    foreach (var (month, figures) in plan.Months)
                    {
                        plan.Evidence["bedrag_" + month.ToString("yyyy-MM", CultureInfo.InvariantCulture)] = figures.Amount.ToString(CultureInfo.InvariantCulture);
                        plan.Evidence["clienten_" + month.ToString("yyyy-MM", CultureInfo.InvariantCulture)] = figures.Clients.ToString(CultureInfo.InvariantCulture);
                    }

                    if (!plan.Injected)
                    {
                        plan.SkipReason ??= "the growth month was not declared within the run";
                    }

                    break;
                case FraudCodes.FR17:
                case FraudCodes.FR24:
                    if (plan.Injected && plan.Referenties.Count == 0)
                    {
                        plan.Injected = false;
                        plan.SkipReason = "no declaration of the case fell within the run";
                    }

                    break;
                case FraudCodes.FR14:
                case FraudCodes.FR15:
                case FraudCodes.FR16:
                    if (plan.Injected && plan.Referenties.Count == 0)
                    {
                        plan.Injected = false;
                        plan.SkipReason = "no declaration after the event fell within the run";
                    }

                    break;
            }
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
