using System.Globalization;

namespace Berichtenverkeer.Generator.World;

/// <summary>The parties and contracts of a run: municipalities grouped in care regions, providers contracted by
/// (most of) their region, and a regional tariff per product indexed yearly.</summary>
internal sealed class WorldModel
{
    /// <summary>Yearly tariff indexation (OVA-like).</summary>
    public const double YearlyIndex = 0.035;

    private readonly Dictionary<(int Region, int Product), long> _baseTariffs = [];

    private WorldModel(List<Gemeente> gemeenten, List<Provider> providers, int baseYear)
    {
        Gemeenten = gemeenten;
        Providers = providers;
        BaseYear = baseYear;
        GemeenteWeights = Rng.Cumulative(gemeenten.Select(g => (double)g.Info.PopulationThousands).ToList());
    }

    public List<Gemeente> Gemeenten { get; }

    public List<Provider> Providers { get; }

    public double[] GemeenteWeights { get; }

    public int BaseYear { get; }

    public static WorldModel Build(GeneratorSettings s, Rng rng)
    {
        var infos = SelectMunicipalities(s, rng);
        var regions = FormRegions(infos);
        var gemeenten = new List<Gemeente>(infos.Count);
        for (var i = 0; i < infos.Count; i++)
        {
            var info = infos[i];
            gemeenten.Add(new Gemeente
            {
                Index = i,
                Info = info,
                Region = regions[i],
                HasLocalCode = !info.Synthetic && i % 4 == 0,
                Pc4Base = Pc4(info, i),
            });
        }

        var providers = new List<Provider>(s.Providers);
        var regionCount = regions.Max() + 1;
        var regionWeights = Rng.Cumulative(Enumerable.Range(0, regionCount)
            .Select(r => (double)gemeenten.Where(g => g.Region == r).Sum(g => g.Info.PopulationThousands)).ToList());
        for (var i = 0; i < s.Providers; i++)
        {
            var profileDraw = rng.NextDouble();
            var profile = profileDraw switch
            {
                < 0.65 => ProviderProfile.Ambulant,
                < 0.75 => ProviderProfile.Dagbehandeling,
                < 0.87 => ProviderProfile.Residentieel,
                _ => ProviderProfile.Ggz,
            };
            var p = new Provider
            {
                Index = i,
                Agb = (98_900_001 + i).ToString("D8", CultureInfo.InvariantCulture),
                Naam = string.Create(CultureInfo.InvariantCulture, $"Jeugdhulpaanbieder {i + 1:D4}"),
                Profile = profile,
                SizeWeight = Math.Exp(rng.Between(-1.2, 1.4)),
                TariffFactor = rng.Chance(0.3) ? Math.Round(rng.Between(0.97, 1.03), 3) : 1.0,
                DeclarationDay = rng.Between(11, 20),
                DeclaresMinutes = profile == ProviderProfile.Ambulant && rng.Chance(0.1),
            };
            var home = rng.PickWeighted(regionWeights);
            var contracted = new SortedSet<int>();
            AddRegion(home, contracted, gemeenten, rng, 0.7);
            if (rng.Chance(0.08) && regionCount > 1)
            {
                for (var extra = rng.Between(1, 3); extra > 0; extra--)
                {
                    AddRegion(rng.Next(regionCount), contracted, gemeenten, rng, 0.5);
                }
            }

            foreach (var g in contracted)
            {
                p.Gemeenten.Add(gemeenten[g]);
                p.Caseload[g] = [];
                gemeenten[g].Providers.Add(p);
            }

            providers.Add(p);
        }

        // Every municipality needs providers; a municipality nobody picked gets the nearest (by index) ones.
        foreach (var g in gemeenten.Where(g => g.Providers.Count == 0))
        {
            for (var k = 0; k < Math.Min(3, providers.Count); k++)
            {
                var p = providers[(g.Index * 7 + k) % providers.Count];
                if (!p.Caseload.ContainsKey(g.Index))
                {
                    p.Gemeenten.Add(g);
                    p.Gemeenten.Sort((a, b) => a.Index.CompareTo(b.Index));
                    p.Caseload[g.Index] = [];
                    g.Providers.Add(p);
                }
            }
        }

        foreach (var g in gemeenten)
        {
            g.Providers.Sort((a, b) => a.Index.CompareTo(b.Index));
        }

        var world = new WorldModel(gemeenten, providers, s.StartMonth.AddMonths(-s.HistoryMonths - 1).Year);
        for (var r = 0; r < regionCount; r++)
        {
            foreach (var product in ProductCatalog.All)
            {
                var t = rng.Between(product.TariffMin, product.TariffMax);
                world._baseTariffs[(r, product.Id)] = t - (t % 5);
            }
        }

        world.RefreshWeights();
        return world;
    }

    /// <summary>Recomputes each municipality's cumulative provider weights (after fraud plans changed sizes).</summary>
    public void RefreshWeights()
    {
        foreach (var g in Gemeenten)
        {
            g.ProviderWeights = Rng.Cumulative(g.Providers.Select(p => p.SizeWeight).ToList());
        }
    }

    /// <summary>The contract tariff in cents per declared unit for a provider, municipality, product and year.</summary>
    public long Tariff(Provider p, Gemeente g, ProductDef product, int year)
    {
        var baseTariff = _baseTariffs[(g.Region, product.Id)] * p.TariffFactor;
        var indexed = baseTariff * Math.Pow(1 + YearlyIndex, year - BaseYear);
        return (long)Math.Round(indexed, MidpointRounding.AwayFromZero);
    }

    /// <summary>The products a provider is contracted for in a municipality.</summary>
    public static IEnumerable<ProductDef> ContractedProducts(Provider p, Gemeente g) =>
        ProviderProfiles.Mix(p.Profile).Select(m => m.Product).Where(prod => !prod.Local || g.HasLocalCode);

    private static void AddRegion(int region, SortedSet<int> contracted, List<Gemeente> gemeenten, Rng rng, double share)
    {
        var members = gemeenten.Where(g => g.Region == region).ToList();
        if (members.Count <= 3)
        {
            foreach (var g in members)
            {
                contracted.Add(g.Index);
            }

            return;
        }

        var before = contracted.Count;
        foreach (var g in members)
        {
            if (rng.Chance(share))
            {
                contracted.Add(g.Index);
            }
        }

        if (contracted.Count == before)
        {
            contracted.Add(members[rng.Next(members.Count)].Index);
        }
    }

    private static List<MunicipalityInfo> SelectMunicipalities(GeneratorSettings s, Rng rng)
    {
        if (s.MunicipalityCodes is { } codes)
        {
            return codes.Select(c => Municipalities.Find(c)!).ToList();
        }

        var result = Municipalities.Real.Take(s.Municipalities).ToList();
        for (var ordinal = 1; result.Count < s.Municipalities; ordinal++)
        {
            result.Add(Municipalities.Synthetic(ordinal, rng.Between(8, 60)));
        }

        return result;
    }

    /// <summary>Care regions: runs of at most 12 municipalities of the same province (synthetic ones in tens).</summary>
    private static int[] FormRegions(List<MunicipalityInfo> infos)
    {
        var regions = new int[infos.Count];
        var next = 0;
        foreach (var group in infos.Select((m, i) => (m, i)).GroupBy(x => x.m.Province))
        {
            var size = group.Key == Municipalities.SyntheticProvince ? 10 : 12;
            var members = group.ToList();
            for (var k = 0; k < members.Count; k++)
            {
                if (k > 0 && k % size == 0)
                {
                    next++;
                }

                regions[members[k].i] = next;
            }

            next++;
        }

        return regions;
    }

    private static int Pc4(MunicipalityInfo info, int index) => info.Code switch
    {
        "0363" => 1011,
        "0384" => 1111,
        "0599" => 3011,
        "0518" => 2491,
        "0344" => 3511,
        "0356" => 3431,
        "0355" => 3701,
        "0310" => 3731,
        "0321" => 3991,
        "0353" => 3401,
        "0632" => 3441,
        "0312" => 3981,
        "0352" => 3961,
        "0331" => 3411,
        "0034" => 1311,
        "0772" => 5611,
        "0014" => 9711,
        _ => 1000 + ((index * 379) % 8800),
    };
}
