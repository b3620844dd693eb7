using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.ReferenceData;
using static Berichtenverkeer.Signals.Tests.Build;

namespace Berichtenverkeer.Signals.Tests;

public class RuleTests
{
    private static readonly AssignmentRecord T1 = T(1);

    [Fact]
    public void FR14_care_after_death_by_any_agb_is_critical_and_carries_no_bsn()
    {
        var input = Input([T1, T(2, agb: "B2")], [Stop(2, D(2, 10), RedenBeeindiging.Overlijden, agb: "B2")], [P(1, D(3, 1), D(3, 31), 40)]);
        var s = Assert.Single(Run(input, "FR14"));
        Assert.Equal(Severity.C, s.Severity);
        Assert.Equal("A1", s.Agb);
        Assert.Equal(Pseudonymizer.Pseudonym(Bsn(1)), s.Client);
        Assert.DoesNotContain(Bsn(1), SignalJson.Serialize(s), StringComparison.Ordinal);
    }

    [Fact]
    public void FR14_care_before_death_is_not_signalled() =>
        Assert.Empty(Run(Input([T1], [Stop(1, D(2, 28), RedenBeeindiging.Overlijden)], [P(1, D(2, 1), D(2, 28), 40)]), "FR14"));

    [Fact]
    public void FR15_care_after_definitive_stop() =>
        Assert.Single(Run(Input([T1], [Start(1, D(1, 1)), Stop(1, D(2, 10), "34")], [P(1, D(3, 1), D(3, 31), 40)]), "FR15"));

    [Fact]
    public void FR15_pro_rata_stop_month_and_restart_are_fine()
    {
        Assert.Empty(Run(Input([T1], [Start(1, D(1, 1)), Stop(1, D(2, 14), "34")], [P(1, D(2, 1), D(2, 28), 20)]), "FR15"));
        Assert.Empty(Run(Input([T1], [Start(1, D(1, 1)), Stop(1, D(2, 10), "34"), Start(1, D(3, 1))], [P(1, D(3, 1), D(3, 31), 40)]), "FR15"));
    }

    [Fact]
    public void FR16_care_during_temporary_stop() =>
        Assert.Single(Run(Input([T1], [Start(1, D(1, 1)), Stop(1, D(2, 10), RedenBeeindiging.Tijdelijk)], [P(1, D(3, 1), D(3, 31), 40)]), "FR16"));

    [Fact]
    public void FR16_care_after_restart_is_fine() =>
        Assert.Empty(Run(Input([T1], [Start(1, D(1, 1)), Stop(1, D(2, 10), RedenBeeindiging.Tijdelijk), Start(1, D(3, 1))], [P(1, D(3, 1), D(3, 31), 40)]), "FR16"));

    [Fact]
    public void FR16_hour_declared_for_the_days_before_a_temporary_stop_is_fine()
    {
        // 1 hour/week, stopped from 7 March: 6 days are 51 minutes, honestly declared as 1 whole hour; 2 hours are not.
        var t = T(1, volume: 1);
        var regie = new[] { Start(1, D(1, 1)), Stop(1, D(3, 6), RedenBeeindiging.Tijdelijk) };
        Assert.Empty(Run(Input([t], regie, [P(1, D(3, 1), D(3, 31), 1)]), "FR16"));
        Assert.Single(Run(Input([t], regie, [P(1, D(3, 1), D(3, 31), 2)]), "FR16"));
    }

    [Fact]
    public void FR17_declared_never_started() =>
        Assert.Single(Run(Input([T1], [], [P(1, D(1, 1), D(1, 31), 40)]), "FR17"));

    [Fact]
    public void FR17_started_or_not_yet_decidable()
    {
        Assert.Empty(Run(Input([T1], [Start(1, D(1, 1))], [P(1, D(1, 1), D(1, 31), 40)]), "FR17"));
        Assert.Empty(Run(Input([T1], [], [P(1, D(1, 1), D(1, 31), 40)]), "FR17", to: D(2, 28)));
    }

    [Fact]
    public void FR18_declared_before_start() =>
        Assert.Single(Run(Input([T1], [Start(1, D(1, 20))], [P(1, D(1, 1), D(1, 31), 40)]), "FR18"));

    [Fact]
    public void FR18_pro_rata_after_start_is_fine() =>
        Assert.Empty(Run(Input([T1], [Start(1, D(1, 20))], [P(1, D(1, 1), D(1, 31), 15)]), "FR18"));

    [Fact]
    public void FR18_share_of_a_week_rounded_up_to_a_whole_hour_is_fine()
    {
        // Start on 31 January: 1 day of 10 h/week is 86 minutes; declared in whole hours that is 2 hours.
        Assert.Empty(Run(Input([T1], [Start(1, D(1, 31))], [P(1, D(1, 1), D(1, 31), 2)]), "FR18"));
        Assert.Single(Run(Input([T1], [Start(1, D(1, 31))], [P(1, D(1, 1), D(1, 31), 3)]), "FR18"));
    }

    [Fact]
    public void FR19_late_start_is_low()
    {
        var late = Run(Input([T1], [Start(1, D(1, 6), sent: D(2, 3))], []), "FR19");
        Assert.Equal(Severity.L, Assert.Single(late).Severity);
    }

    [Fact]
    public void FR19_start_sent_in_time_is_fine() =>
        Assert.Empty(Run(Input([T1], [Start(1, D(1, 6), sent: D(1, 8))], []), "FR19"));

    [Fact]
    public void FR20_bsn_failing_elfproef() =>
        Assert.Single(Run(Input([T1 with { Bsn = "123456789" }], [], []), "FR20"));

    [Fact]
    public void FR20_valid_bsn_is_fine()
    {
        Assert.Empty(Run(Input([T1], [], [P(1, D(1, 1), D(1, 31), 40)]), "FR20"));
        Assert.True(Rules.Fr20Identity.Elfproef(Bsn(7)));
    }

    [Fact]
    public void FR21_cannot_run_without_birth_dates()
    {
        var batch = new SignalEngine().Evaluate(Input([T1], [], []), D(1, 1), D(12, 31));
        Assert.Contains(batch.Skipped, s => s.RuleId == "FR21" && s.Reason.Contains("Geboortedatum", StringComparison.Ordinal));
        Assert.DoesNotContain(batch.Signals, s => s.RuleId == "FR21");
    }

    [Fact]
    public void FR23_many_providers_and_concurrent_category()
    {
        var four = new[] { "A1", "B2", "C3", "D4" }.Select((a, i) => P(i + 1, D(1, 1), D(1, 31), 5, agb: a, categorie: "4" + i)).ToList();
        Assert.Single(Run(Input([], [], four), "FR23"));
        Assert.Single(Run(Input([], [], [P(1, D(1, 1), D(1, 31), 5), P(2, D(1, 10), D(1, 31), 5, agb: "B2")]), "FR23"));
    }

    [Fact]
    public void FR23_hand_over_is_fine() =>
        Assert.Empty(Run(Input([], [], [P(1, D(1, 1), D(1, 14), 5), P(2, D(1, 15), D(1, 31), 5, agb: "B2")]), "FR23"));

    [Fact]
    public void FR24_impossible_volume_per_prestatie_and_per_client()
    {
        Assert.Equal(Severity.C, Assert.Single(Run(Input([], [], [P(1, D(1, 17), D(1, 31), 20, eenheid: Eenheid.Etmaal)]), "FR24")).Severity);
        var clientLevel = Run(Input([], [], [P(1, D(1, 1), D(1, 31), 500), P(2, D(1, 1), D(1, 31), 300, agb: "B2")]), "FR24");
        Assert.Null(Assert.Single(clientLevel).Agb);
    }

    [Fact]
    public void FR24_possible_volume_is_fine() =>
        Assert.Empty(Run(Input([], [], [P(1, D(1, 17), D(1, 31), 15, eenheid: Eenheid.Etmaal), P(2, D(1, 1), D(1, 31), 300, agb: "B2")]), "FR24"));

    [Fact]
    public void FR25_concurrent_residential_stays() =>
        Assert.Single(Run(Input([], [], [P(1, D(1, 1), D(1, 31), 31, eenheid: Eenheid.Etmaal), P(2, D(1, 10), D(1, 31), 20, agb: "B2", eenheid: Eenheid.Etmaal)]), "FR25"));

    [Fact]
    public void FR25_consecutive_stays_are_fine() =>
        Assert.Empty(Run(Input([], [], [P(1, D(1, 1), D(1, 14), 14, eenheid: Eenheid.Etmaal), P(2, D(1, 15), D(1, 31), 17, agb: "B2", eenheid: Eenheid.Etmaal)]), "FR25"));

    private static (List<AssignmentRecord> T, List<PrestatieRecord> P) Caseload(string agb, int clients, Func<int, int, long> volume, long first = 100, int clientBase = 0)
    {
        var t = Enumerable.Range(0, clients).Select(c => T(first + c, agb: agb, client: clientBase + c, volume: 40, frequentie: Frequentie.PerMaand)).ToList();
        var p = Enumerable.Range(0, clients).SelectMany(c => Months(first + c, D(1, 1), 4, m => volume(c, m), agb, clientBase + c)).ToList();
        return (t, p);
    }

    [Fact]
    public void FR26_max_out_every_client_every_month()
    {
        var (t, p) = Caseload("A1", 3, (_, _) => 40);
        Assert.Single(Run(Input(t, [], p), "FR26"));
    }

    [Fact]
    public void FR26_varying_use_is_fine()
    {
        var (t, p) = Caseload("A1", 3, (c, m) => 25 + ((c + m) % 3 * 7));
        Assert.Empty(Run(Input(t, [], p), "FR26"));
    }

    [Fact]
    public void FR26_output_product_delivered_every_month_is_no_max_out()
    {
        var t = Enumerable.Range(0, 3).Select(c => T(100 + c, client: c, volume: 1, eenheid: Eenheid.StuksOutput, frequentie: Frequentie.PerMaand)).ToList();
        var p = Enumerable.Range(0, 3).SelectMany(c => Enumerable.Range(0, 4).Select(m => P(100 + c, D(1, 1).AddMonths(m), D(1, 1).AddMonths(m + 1).AddDays(-1), 1, client: c, eenheid: Eenheid.StuksOutput))).ToList();
        Assert.Empty(Run(Input(t, [], p), "FR26"));
    }

    [Fact]
    public void FR27_identical_volumes() =>
        Assert.Single(Run(Input([], [], Enumerable.Range(0, 6).Select(c => P(c, D(1, 1), D(1, 31), 12, client: c))), "FR27"));

    [Fact]
    public void FR27_varied_volumes_are_fine() =>
        Assert.Empty(Run(Input([], [], Enumerable.Range(0, 6).Select(c => P(c, D(1, 1), D(1, 31), 10 + c, client: c))), "FR27"));

    private static List<PrestatieRecord> Skewed() => Enumerable.Range(0, 320).Select(i => P(i, D(1, 1), D(1, 31), 90 + (i % 9), client: i, tarief: 9000)).ToList();

    [Fact]
    public void FR28_skewed_digits_over_300_lines() =>
        Assert.Single(Run(Input([], [], Skewed()), "FR28"));

    [Fact]
    public void FR28_digit_analysis_needs_300_lines() =>
        Assert.Empty(Run(Input([], [], Skewed().Take(299)), "FR28"));

    private static List<PrestatieRecord> PeerLines(int outlierClients)
    {
        var lines = new List<PrestatieRecord>();
        var agbs = new[] { "A1", "B2", "C3", "D4", "E5", "F6" };
        for (var a = 0; a < agbs.Length; a++)
        {
            for (var c = 0; c < (a == 5 ? outlierClients : 5); c++)
            {
                lines.Add(P((a * 10) + c, D(1, 1), D(1, 31), a == 5 ? 200 : 10 + a, agb: agbs[a], client: (a * 10) + c));
            }
        }

        return lines;
    }

    [Fact]
    public void FR29_peer_outlier_cost() =>
        Assert.Equal("F6", Assert.Single(Run(Input([], [], PeerLines(5)), "FR29")).Agb);

    [Fact]
    public void FR29_peers_alike_are_fine() =>
        Assert.Empty(Run(Input([], [], PeerLines(5).Where(l => l.Agb != "F6")), "FR29"));

    [Fact]
    public void FR29_three_clients_with_large_indications_are_no_baseline() =>
        Assert.Empty(Run(Input([], [], PeerLines(3)), "FR29"));

    private static (List<AssignmentRecord> T, List<PrestatieRecord> P) Aspecific()
    {
        var t = new List<AssignmentRecord>();
        var lines = new List<PrestatieRecord>();
        var agbs = new[] { "A1", "B2", "C3", "D4", "E5", "F6" };
        for (var a = 0; a < agbs.Length; a++)
        {
            for (var c = 0; c < 10; c++)
            {
                var n = (a * 100) + c;
                t.Add(T(n, agb: agbs[a], client: n) with { Product = new Ijw.Model.Product("45", null) });
                var expensive = a == 5 || c == 0;
                lines.Add(P(n, D(1, 1), D(1, 31), 5, agb: agbs[a], client: n, code: expensive ? "45A99" : "45A10", tarief: expensive ? 9000 : 1000));
            }
        }

        return (t, lines);
    }

    [Fact]
    public void FR30_upcoding_under_aspecific_assignments()
    {
        var (t, lines) = Aspecific();
        Assert.Equal("F6", Assert.Single(Run(Input(t, [], lines), "FR30")).Agb);
    }

    [Fact]
    public void FR30_usual_product_mix_is_fine()
    {
        var (t, lines) = Aspecific();
        Assert.Empty(Run(Input(t, [], lines.Where(l => l.Agb != "F6")), "FR30"));
    }

    private static readonly Fr31Options Bundled = new() { Bundles = [new Bundle("45", "45A20", ["45A10", "45A11"])] };

    private static PrestatieRecord[] Unbundled() => [P(1, D(1, 1), D(1, 31), 5, code: "45A10"), P(1, D(1, 1), D(1, 31), 5, code: "45A11")];

    [Fact]
    public void FR31_codes_of_one_bundle_declared_separately() =>
        Assert.Single(Run(Input([], [], Unbundled()), "FR31", options: new SignalOptions { Fr31 = Bundled }));

    [Fact]
    public void FR31_one_code_of_a_bundle_is_fine_and_no_table_cannot_run()
    {
        Assert.Empty(Run(Input([], [], Unbundled().Take(1)), "FR31", options: new SignalOptions { Fr31 = Bundled }));
        Assert.Contains(new SignalEngine().Evaluate(Input([], [], Unbundled()), D(1, 1), D(12, 31)).Skipped, s => s.RuleId == "FR31");
    }

    private static IEnumerable<PrestatieRecord> Steady() => Enumerable.Range(0, 5).SelectMany(c => Months(c, D(1, 1), 3, _ => 10, client: c));

    [Fact]
    public void FR32_sudden_growth() =>
        Assert.Single(Run(Input([], [], Steady().Concat(Enumerable.Range(5, 10).Select(c => P(c, D(3, 1), D(3, 31), 10, client: c)))), "FR32"));

    [Fact]
    public void FR32_steady_caseload_is_fine() =>
        Assert.Empty(Run(Input([], [], Steady()), "FR32"));

    [Fact]
    public void FR32_growth_split_over_gemeenten_is_counted_for_the_provider()
    {
        // 4 clients in 0363 for three months, then 3 new in 0363 and 3 new in 0599: neither gemeente doubles, the provider does.
        var steady = Enumerable.Range(0, 4).SelectMany(c => Months(c, D(1, 1), 4, _ => 10, client: c));
        var grown = Enumerable.Range(4, 3).Select(c => P(c, D(4, 1), D(4, 30), 10, client: c))
            .Concat(Enumerable.Range(7, 3).Select(c => P(c, D(4, 1), D(4, 30), 10, client: c, gemeente: "0599")));
        var s = Assert.Single(Run(Input([], [], steady.Concat(grown)), "FR32"));
        Assert.Equal(10, s.Values["clienten"]);
    }

    [Fact]
    public void FR32_a_small_gemeente_swinging_inside_a_steady_provider_is_fine()
    {
        var steady = Enumerable.Range(0, 20).SelectMany(c => Months(c, D(1, 1), 4, _ => 10, client: c));
        var small = Enumerable.Range(20, 1).SelectMany(c => Enumerable.Range(0, 3).Select(m => P(c, D(1, 1).AddMonths(m), D(1, 1).AddMonths(m + 1).AddDays(-1), 10, client: c, gemeente: "0599")))
            .Concat(Enumerable.Range(21, 5).Select(c => P(c, D(4, 1), D(4, 30), 10, client: c, gemeente: "0599")));
        Assert.Empty(Run(Input([], [], steady.Concat(small)), "FR32"));
    }

    private static List<RegieRecord> Migration(int clients) =>
        Enumerable.Range(0, 5).Select(c => Stop(c, D(3, 10), RedenBeeindiging.Overstap, client: c))
            .Concat(Enumerable.Range(0, clients).Select(c => Start(100 + c, D(3, 11), agb: "B2", client: c))).ToList();

    [Fact]
    public void FR34_client_migration()
    {
        var s = Assert.Single(Run(Input([], Migration(5), []), "FR34"));
        Assert.Equal("B2", s.Agb);
        Assert.Equal(["A1"], s.RelatedAgbs);
    }

    [Fact]
    public void FR34_one_client_switching_is_fine() =>
        Assert.Empty(Run(Input([], Migration(1), []), "FR34"));

    [Fact]
    public void FR35_shared_client_network() =>
        Assert.Single(Run(Input([], [], Enumerable.Range(0, 6).SelectMany(c => new[] { P(c, D(1, 1), D(1, 31), 5, client: c), P(100 + c, D(1, 1), D(1, 31), 5, agb: "B2", client: c) })), "FR35"));

    [Fact]
    public void FR35_hand_over_is_fine() =>
        Assert.Empty(Run(Input([], [], Enumerable.Range(0, 6).SelectMany(c => new[] { P(c, D(1, 1), D(1, 15), 5, client: c), P(100 + c, D(1, 16), D(1, 31), 5, agb: "B2", client: c) })), "FR35"));

    private static readonly AssignmentRecord V1 = T(1, eind: D(6, 30), volume: 10, toewijzingsdatum: D(1, 1));

    [Fact]
    public void FR36_assignment_raised_after_declaring()
    {
        var v2 = V1 with { Omvang = V1.Omvang! with { Volume = 20 }, Toewijzingsdatum = D(4, 1), MessageId = "t-1-v2" };
        Assert.Single(Run(Input([V1, v2], [], Months(1, D(1, 1), 2, _ => 40)), "FR36"));
    }

    [Fact]
    public void FR36_lowered_assignment_is_fine()
    {
        var lowered = V1 with { Omvang = V1.Omvang! with { Volume = 5 }, Toewijzingsdatum = D(4, 1), MessageId = "t-1-v2" };
        Assert.Empty(Run(Input([V1, lowered], [], Months(1, D(1, 1), 2, _ => 40)), "FR36"));
    }

    [Fact]
    public void FR36_extension_before_the_old_end_is_reassessment_not_a_raise()
    {
        // Paid January care was received on 1 March; on 15 March, before the old end of 31 March, the care is extended.
        var v1 = T(1, eind: D(3, 31), toewijzingsdatum: D(1, 1));
        var extended = v1 with { Einddatum = D(12, 31), RedenWijziging = "04", Toewijzingsdatum = D(3, 15), MessageId = "t-1-v2" };
        Assert.Empty(Run(Input([v1, extended], [], Months(1, D(1, 1), 1, _ => 40)), "FR36"));
    }

    [Fact]
    public void FR36_ended_assignment_reopened_after_declaring_is_a_raise()
    {
        var v1 = T(1, eind: D(3, 31), toewijzingsdatum: D(1, 1));
        var reopened = v1 with { Einddatum = D(12, 31), Toewijzingsdatum = D(4, 15), MessageId = "t-1-v2" };
        var s = Assert.Single(Run(Input([v1, reopened], [], Months(1, D(1, 1), 1, _ => 40)), "FR36"));
        Assert.Contains("einddatum", s.Description, StringComparison.Ordinal);
    }

    private static List<PrestatieRecord> Rejected(bool approved) =>
        Enumerable.Range(0, 20).Select(i => P(i, D(1, 1), D(1, 31), 5, client: i, approved: approved || i >= 5, codes: i < 5 ? ["8187"] : null)).ToList();

    [Fact]
    public void FR_TR_provider_rate_of_level3_failures() =>
        Assert.Equal(Severity.M, Assert.Single(Run(Input([], [], Rejected(false)), "FR-TR")).Severity);

    [Fact]
    public void FR_TR_all_approved_is_fine() =>
        Assert.Empty(Run(Input([], [], Rejected(true)), "FR-TR"));

    [Fact]
    public void Signal_ids_are_deterministic_and_json_is_camel_case()
    {
        var input = Input([T1], [Start(1, D(1, 1)), Stop(1, D(2, 10), "34")], [P(1, D(3, 1), D(3, 31), 40)]);
        var a = Assert.Single(Run(input, "FR15"));
        var b = Assert.Single(Run(input, "FR15"));
        Assert.Equal(a.Id, b.Id);
        var json = SignalJson.Serialize(a);
        Assert.Contains("\"ruleId\":\"FR15\"", json, StringComparison.Ordinal);
        Assert.Contains("\"severity\":\"H\"", json, StringComparison.Ordinal);
        Assert.Equal(a.Id, SignalJson.Deserialize(json)!.Id);
    }
}
