using Berichtenverkeer.Generator.Output;
using Berichtenverkeer.Generator.World;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Generator.Simulation;

internal sealed partial class Simulator
{
    /// <summary>
    /// The clients already in care when the traffic starts. Their assignments began over the history months; the
    /// JW315/JW301/JW305 that put them in care are dated on their real days, before the first month of traffic,
    /// so the first declarations refer to assignments and starts the receiver has seen.
    /// </summary>
    private void CreateStock()
    {
        var historyDays = _warmup.DayNumber - _historyStart.DayNumber;
        for (var i = 0; i < _s.Clients; i++)
        {
            var g = _world.Gemeenten[_rng.PickWeighted(_world.GemeenteWeights)];
            var client = NewClient(g, _historyStart, minimumAgeYears: 1);
            var count = _rng.NextDouble() switch
            {
                < 0.55 => 1,
                < 0.87 => 2,
                _ => 3,
            };
            for (var k = 0; k < count; k++)
            {
                var p = PickProvider(g, _historyStart);
                var product = p is null ? null : PickProduct(p, g, client);
                if (p is null || product is null)
                {
                    continue;
                }

                var age = (int)(historyDays * Math.Pow(_rng.NextDouble(), 1.3));
                var ingang = _warmup.AddDays(14 - age);
                var einde = PlannedEnd(product, ingang);
                if (einde is { } e && e < _warmup.AddDays(10))
                {
                    // Extended in the past (a new version before the history window): it runs on into the traffic.
                    einde = _warmup.AddMonths(_rng.Between(1, 8)).AddDays(_rng.Between(0, 27));
                }

                var a = CreateAssignment(client, p, g, product, ingang, einde);
                _stockForBudgets.Add(a);
                var toewijzing = Calendar.NextWorkingDay(ingang.AddDays(-_rng.Between(2, 14)));
                if (toewijzing > ingang)
                {
                    toewijzing = ingang;
                }

                _targetAssignments++;
                if (_rng.Chance(0.4))
                {
                    var vot = PreviousWorkingDay(toewijzing.AddDays(-_rng.Between(1, 6)));
                    Schedule(vot, Kind.NewCase, Phase315, a, arg: (int)Route.StockVot, arg2: toewijzing.DayNumber);
                }
                else
                {
                    Schedule(toewijzing, Kind.Assign, Phase301, a);
                }
            }
        }

    }

    private Client NewClient(Gemeente g, DateOnly firstMessage, int minimumAgeYears)
    {
        var age = _rng.NextDouble() switch
        {
            < 0.05 => _rng.Between(18, 20),
            < 0.15 => _rng.Between(0, 3),
            < 0.45 => _rng.Between(4, 9),
            _ => _rng.Between(10, 17),
        };
        age = Math.Max(age, minimumAgeYears);
        var birth = firstMessage.AddYears(-age).AddDays(-_rng.Between(60, 360));
        var geslacht = (byte)(_rng.Chance(0.55) ? 1 : 2);
        var client = new Client
        {
            Index = _nextClientIndex++,
            Bsn = _bsn.Next(),
            Geboortedatum = birth,
            Geslacht = geslacht,
            Surname = (short)_rng.Next(Names.Surnames.Length),
            FirstName = (short)_rng.Next(30),
            SecondName = (short)(_rng.Chance(0.5) ? _rng.Next(30) : -1),
            ParentFirstName = (short)_rng.Next(Names.AdultFirstNames.Length),
            Gemeente = g,
            Street = (short)_rng.Next(Names.Streets.Length),
            Huisnummer = (short)_rng.Between(1, 250),
            Postcode4 = (short)Math.Min(9999, g.Pc4Base + _rng.Next(40)),
            PostcodeLetters = (short)_rng.Next(26 * 26),
            WithParent = _rng.Chance(0.8),
        };
        _counters.ClientsCreated++;
        return client;
    }

    private Provider? PickProvider(Gemeente g, DateOnly day)
    {
        if (g.Providers.Count == 0)
        {
            return null;
        }

        for (var attempt = 0; attempt < 12; attempt++)
        {
            var p = g.Providers[_rng.PickWeighted(g.ProviderWeights)];
            if (p.ActiveFromDay <= day.DayNumber && p.SizeWeight > 0)
            {
                return p;
            }
        }

        return g.Providers.FirstOrDefault(p => p.ActiveFromDay <= day.DayNumber && p.SizeWeight > 0);
    }

    /// <summary>A product of the provider's mix the client does not already receive in that category (OP259: no stacking).</summary>
    private ProductDef? PickProduct(Provider p, Gemeente g, Client client)
    {
        var mix = ProviderProfiles.Mix(p.Profile);
        Span<double> weights = stackalloc double[mix.Length];
        double total = 0;
        for (var i = 0; i < mix.Length; i++)
        {
            var product = mix[i].Product;
            var allowed = (!product.Local || g.HasLocalCode) && !HasCategory(client, product.Categorie);
            weights[i] = allowed ? mix[i].Weight : 0;
            total += weights[i];
        }

        if (total <= 0)
        {
            return null;
        }

        var target = _rng.NextDouble() * total;
        for (var i = 0; i < mix.Length; i++)
        {
            target -= weights[i];
            if (target < 0 && weights[i] > 0)
            {
                return mix[i].Product;
            }
        }

        return mix.Last(m => (!m.Product.Local || g.HasLocalCode) && !HasCategory(client, m.Product.Categorie)).Product;
    }

    private static bool HasCategory(Client client, string categorie)
    {
        foreach (var a in client.Assignments)
        {
            if (a.Product.Categorie == categorie && a.DefinitiveStop is null && !a.Finished)
            {
                return true;
            }
        }

        return false;
    }

    private DateOnly? PlannedEnd(ProductDef product, DateOnly ingang)
    {
        if (product.OpenEndedShare > 0 && _rng.Chance(product.OpenEndedShare))
        {
            return null;
        }

        return ingang.AddMonths(_rng.Between(product.DurationMinMonths, product.DurationMaxMonths)).AddDays(-1);
    }

    private Assignment CreateAssignment(Client client, Provider p, Gemeente g, ProductDef product, DateOnly ingang, DateOnly? einde, long? volume = null)
    {
        long? budget = product.IsAspecific ? _rng.Between(product.BudgetMin / 1000, product.BudgetMax / 1000) * 1000 : null;
        var a = new Assignment
        {
            Nummer = ++_nextToewijzing,
            Client = client,
            Provider = p,
            Gemeente = g,
            Product = product,
            Ingangsdatum = ingang,
            Einddatum = einde,
            Volume = volume ?? (product.HasOmvang ? _rng.Between(product.VolumeMin, product.VolumeMax) : 0),
            Budget = budget,
            BeschikkingNummer = ++_nextBeschikking,
        };

        // Known to the client from the start, so no second case in the same category can be drawn while this one is pending.
        client.Assignments.Add(a);
        return a;
    }

    private static DateOnly PreviousWorkingDay(DateOnly d)
    {
        while (Calendar.IsWeekend(d))
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    /// <summary>
    /// Budget (bestedingsruimte) per municipality, provider and year — regional practice: 80% of last year's turnover.
    /// Last year's turnover is estimated from the provider's caseload at the start (its monthly amount × 12, with the
    /// spread a real year has); later years grow 3%.
    /// </summary>
    private List<BudgetRow> Budgets()
    {
        var monthly = new Dictionary<(int Gemeente, int Provider), double>();
        foreach (var p in _world.Providers)
        {
            foreach (var (g, list) in p.Caseload)
            {
                _ = list;
                monthly[(g, p.Index)] = 0;
            }
        }

        foreach (var a in _stockForBudgets)
        {
            var tariff = _world.Tariff(a.Provider, a.Gemeente, a.Product, _warmup.Year);
            var product = a.Product;
            double amount = product switch
            {
                { IsAspecific: true } => a.Budget!.Value / (double)Math.Max(1, Calendar.MonthsTouched(a.Ingangsdatum, a.Einddatum ?? a.Ingangsdatum.AddMonths(6))),
                { IsResidentialDays: true } => 29.0 * tariff,
                { Eenheid: Eenheid.StuksOutput } => tariff,
                { IsTotal: true } => a.Volume * tariff / (double)Math.Max(1, Calendar.MonthsTouched(a.Ingangsdatum, a.Einddatum ?? a.Ingangsdatum.AddMonths(3))),
                { IsWeekly: true } => a.Volume * 4.33 * 0.8 * tariff,
                _ => a.Volume * 0.8 * tariff,
            };
            monthly[(a.Gemeente.Index, a.Provider.Index)] += amount;
        }

        var rows = new List<BudgetRow>();
        var firstYear = _warmup.Year;
        var lastYear = _end.AddDays(-1).Year;
        var rng = _rng.Fork(7);
        foreach (var ((gemeente, provider), amount) in monthly.OrderBy(m => m.Key.Gemeente).ThenBy(m => m.Key.Provider))
        {
            if (amount <= 0)
            {
                continue;
            }

            var lastYearTurnover = amount * 12 * rng.Between(0.85, 1.15);
            for (var year = firstYear; year <= lastYear; year++)
            {
                var budget = 0.8 * lastYearTurnover * Math.Pow(1.03, year - firstYear);
                var cents = (long)Math.Round(budget / 100_000) * 100_000;
                rows.Add(new BudgetRow(_world.Gemeenten[gemeente].Code, _world.Providers[provider].Agb, year, Math.Max(cents, 100_000)));
            }
        }

        _stockForBudgets.Clear();
        return rows;
    }

    private readonly List<Assignment> _stockForBudgets = [];
}
