using System.Globalization;
using Berichtenverkeer.Generator.World;
using Berichtenverkeer.Generator.Xml;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Generator.Simulation;

internal sealed partial class Simulator
{
    /// <summary>How a new case reaches its assignment.</summary>
    private enum Route
    {
        /// <summary>The municipality assigns directly (e.g. after the neighbourhood team's referral): JW301 without reference.</summary>
        Direct,

        /// <summary>The provider asks first (JW315); the municipality honours, investigates or rejects (JW301 / JW319).</summary>
        Vot,

        /// <summary>A VOT of the starting stock, honoured on a known day.</summary>
        StockVot,

        /// <summary>A case a fraud plan needs (FR17, FR24, FR32, FR34).</summary>
        Fraud,
    }

    /// <summary>On the first of every month: the month's new cases (inflow keeps the caseload near its target) and,
    /// from the first month of traffic, every provider's declarations for the month before.</summary>
    private void PlanMonth(DateOnly month)
    {
        var days = DateTime.DaysInMonth(month.Year, month.Month);
        var active = _activeAssignments;
        var expectedEnds = active / 9.0;
        var deficit = month >= _start ? (_targetAssignments - active) * 0.5 : 0;
        var count = (int)Math.Max(0, Math.Round(expectedEnds + deficit));
        for (var i = 0; i < count; i++)
        {
            var arrival = Calendar.NextWorkingDay(month.AddDays(_rng.Next(days)));
            var route = _rng.Chance(0.5) ? Route.Vot : Route.Direct;
            Schedule(arrival, Kind.NewCase, route == Route.Vot ? Phase315 : Phase301, null, arg: (int)route);
        }

        if (month >= _start)
        {
            foreach (var p in _world.Providers)
            {
                var day = Calendar.NextWorkingDay(month.AddDays(p.DeclarationDay - 1));
                Schedule(day, Kind.Declare, Phase323, p, arg: month.AddMonths(-1).DayNumber);
            }
        }
    }

    private void NewCase(DateOnly day, Act act)
    {
        switch ((Route)act.Arg)
        {
            case Route.StockVot:
                Vot(day, (Assignment)act.Subject!, DateOnly.FromDayNumber(act.Arg2));
                return;
            case Route.Fraud:
                FraudCase(day, (FraudPlan)act.Payload!, act);
                return;
        }

        if (!DrawCase(day, out var client, out var g, out var p, out var product))
        {
            return;
        }

        var vot = (Route)act.Arg == Route.Vot && client.PendingVotProvider < 0;
        var ingang = day.AddDays(vot ? _rng.Between(3, 14) : _rng.Between(0, 10));
        var a = CreateAssignment(client, p, g, product, ingang, PlannedEnd(product, ingang));
        if (vot)
        {
            Vot(day, a, null);
        }
        else
        {
            Assign(day, a);
        }
    }

    private bool DrawCase(DateOnly day, out Client client, out Gemeente g, out Provider p, out ProductDef product)
    {
        if (_activeClients.Count > 0 && _rng.Chance(0.33))
        {
            client = _activeClients[_rng.Next(_activeClients.Count)];
            g = client.Gemeente;
            if (client.Overleden is null && client.PendingVotProvider < 0 && PickProvider(g, day) is { } existingProvider && PickProduct(existingProvider, g, client) is { } extra)
            {
                p = existingProvider;
                product = extra;
                return true;
            }
        }

        g = _world.Gemeenten[_rng.PickWeighted(_world.GemeenteWeights)];
        client = NewClient(g, day, minimumAgeYears: 0);
        if (PickProvider(g, day) is { } provider && PickProduct(provider, g, client) is { } chosen)
        {
            p = provider;
            product = chosen;
            return true;
        }

        p = null!;
        product = null!;
        return false;
    }

    /// <summary>JW315 for one product, and the municipality's reaction: honour, investigate, reject (README §4.1).</summary>
    private void Vot(DateOnly day, Assignment a, DateOnly? honourOn)
    {
        var p = a.Provider;
        var g = a.Gemeente;
        var referentie = string.Create(CultureInfo.InvariantCulture, $"VOT{day.Year:D4}-{++p.NextVot:D6}");
        a.ReferentieAanbieder = referentie;
        a.Client.PendingVotProvider = p.Index;
        var withBeschikking = _rng.Chance(0.3);
        if (withBeschikking)
        {
            a.BeschikkingVan = day.AddDays(-_rng.Between(0, 20));
        }

        var line = new RequestLine(a, referentie, withBeschikking, a.BeschikkingVan ?? day, VerwijzerType(), _rng.Next(1_000_000));
        var file = Heen(MessageTypes.JW315, p, g, day, Phase315, h => _renderer.Jw315(h, a.Client, [line]), a);
        a.Plan?.Files.Add(file);
        if (honourOn is { } honour)
        {
            Schedule(honour, Kind.Assign, Phase301, a);
            return;
        }

        var outcome = _rng.NextDouble();
        if (outcome < 0.78)
        {
            Schedule(Calendar.AddWorkingDays(day, _rng.Between(1, 5)), Kind.Assign, Phase301, a);
        }
        else if (outcome < 0.86)
        {
            var investigate = Calendar.AddWorkingDays(day, _rng.Between(2, 5));
            Schedule(investigate, Kind.Answer, Phase319, a, arg: 2);
            Schedule(Calendar.AddWorkingDays(investigate, _rng.Between(8, 30)), Kind.Assign, Phase301, a);
        }
        else if (outcome < 0.95)
        {
            Schedule(Calendar.AddWorkingDays(day, _rng.Between(2, 6)), Kind.Answer, Phase319, a, arg: 1, arg2: RejectionReason(g));
        }
        else
        {
            var investigate = Calendar.AddWorkingDays(day, _rng.Between(2, 5));
            Schedule(investigate, Kind.Answer, Phase319, a, arg: 2);
            Schedule(Calendar.AddWorkingDays(investigate, _rng.Between(8, 30)), Kind.Answer, Phase319, a, arg: 1, arg2: RejectionReason(g));
        }
    }

    private string VerwijzerType() => _rng.NextDouble() switch
    {
        < 0.30 => "01",
        < 0.65 => "02",
        < 0.75 => "03",
        < 0.85 => "04",
        < 0.90 => "05",
        _ => "06",
    };

    private int RejectionReason(Gemeente g) => _rng.NextDouble() switch
    {
        < 0.50 => 7,
        < 0.65 => 2,
        < 0.75 => 6,
        < 0.85 => 4,
        _ => _world.Gemeenten.Count > 1 ? 8 : 7,
    };

    /// <summary>JW319: under investigation (2) or rejected (1, with reason; reason 8 names the responsible municipality).</summary>
    private void Answer(DateOnly day, Assignment a, int antwoord, int reden)
    {
        if (a.Issued)
        {
            return;
        }

        var g = a.Gemeente;
        string? woonplaats = null;
        if (reden == 8)
        {
            var other = _world.Gemeenten[(g.Index + 1 + _rng.Next(_world.Gemeenten.Count - 1)) % _world.Gemeenten.Count];
            woonplaats = other.Code;
        }

        var referentie = a.ReferentieAanbieder!;
        var redenText = antwoord == 1 ? reden.ToString(CultureInfo.InvariantCulture) : null;
        Heen(MessageTypes.JW319, a.Provider, g, day, Phase319, h => _renderer.Jw319(h, referentie, antwoord.ToString(CultureInfo.InvariantCulture), redenText, woonplaats), null);
        if (antwoord == 1)
        {
            a.Client.Assignments.Remove(a);
            if (a.Client.PendingVotProvider == a.Provider.Index)
            {
                a.Client.PendingVotProvider = -1;
            }
        }
    }

    /// <summary>JW301 issuing a new assignment, with every other current assignment of the client at this provider (OP087).</summary>
    private void Assign(DateOnly day, Assignment a)
    {
        var client = a.Client;
        if (a.Issued || client.Overleden is not null)
        {
            if (client.PendingVotProvider == a.Provider.Index)
            {
                client.PendingVotProvider = -1;
            }

            if (!a.Issued)
            {
                client.Assignments.Remove(a);
            }

            return;
        }

        if (a.Ingangsdatum < day)
        {
            var duration = a.Einddatum is { } e ? e.DayNumber - a.Ingangsdatum.DayNumber : (int?)null;
            a.Ingangsdatum = day.AddDays(_rng.Between(0, 5));
            a.Einddatum = duration is { } d ? a.Ingangsdatum.AddDays(d) : null;
        }

        a.Toewijzingsdatum = day;
        a.Toewijzingstijd = RandomTime();
        a.Issued = true;
        a.RedenWijziging = null;
        a.Provider.Caseload[a.Gemeente.Index].Add(a);
        a.Provider.ActiveAssignments++;
        _activeAssignments++;
        if (client.InCare++ == 0)
        {
            _clientsInCare++;
        }

        _counters.AssignmentsIssued++;
        AddActive(client);
        if (client.PendingVotProvider == a.Provider.Index)
        {
            client.PendingVotProvider = -1;
        }

        _sink.Beschikking(a, a.BeschikkingVan is { } van && van < a.Ingangsdatum ? van : a.Ingangsdatum, a.Einddatum);
        var products = CurrentFor(client, a.Provider, day, a);
        var file = Heen(MessageTypes.JW301, a.Provider, a.Gemeente, day, Phase301, h => _renderer.Jw301(h, client, products), a);
        a.LastAssignDay = day;
        a.Plan?.Files.Add(file);
        if ((a.Fraud & AssignmentFraud.NeverStarted) != 0)
        {
            return;
        }

        var begin = (a.Fraud & AssignmentFraud.ImpossibleVolume) != 0 ? a.Ingangsdatum : a.Ingangsdatum.AddDays(_rng.Between(0, 7));
        if (a.Einddatum is { } einde && begin > einde)
        {
            begin = einde;
        }

        var message = Calendar.AddWorkingDays(Calendar.Max(begin, day), _rng.Between(1, 4));
        Schedule(message, Kind.Start, Phase305, a, arg: begin.DayNumber);
    }

    private static List<(Assignment, bool)> CurrentFor(Client client, Provider p, DateOnly day, Assignment subject)
    {
        var list = new List<(Assignment, bool)>();
        foreach (var a in client.Assignments)
        {
            if (a.Provider == p && a.Issued && (a == subject || a.Einddatum is null || a.Einddatum >= day))
            {
                list.Add((a, a == subject));
            }
        }

        list.Sort(static (x, y) => x.Item1.Nummer.CompareTo(y.Item1.Nummer));
        return list;
    }

    /// <summary>JW301 changing an assignment: shortened after a stop, extended after reassessment, ended after a death.</summary>
    private void Change(DateOnly day, Assignment a, Act act) =>
        ApplyChange(day, a, act.Arg < 0 ? null : DateOnly.FromDayNumber(act.Arg), act.Arg2.ToString("D2", CultureInfo.InvariantCulture));

    private void ApplyChange(DateOnly day, Assignment a, DateOnly? einde, string reden)
    {
        if (!a.Issued)
        {
            return;
        }

        var previous = a.Toewijzingsdatum.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(a.Toewijzingstijd)));
        a.Einddatum = einde;
        a.RedenWijziging = reden;
        a.Toewijzingsdatum = day;
        a.Toewijzingstijd = RandomTime();
        if (day.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(a.Toewijzingstijd))) <= previous)
        {
            a.Toewijzingstijd = Math.Min(86_399, (int)previous.TimeOfDay.TotalSeconds + 60);
        }

        if (reden == "04")
        {
            a.BeschikkingNummer = ++_nextBeschikking;
            _sink.Beschikking(a, a.Ingangsdatum, a.Einddatum);
        }

        var products = CurrentFor(a.Client, a.Provider, day, a);
        Heen(MessageTypes.JW301, a.Provider, a.Gemeente, day, Phase301, h => _renderer.Jw301(h, a.Client, products), a, allowDefect: false);
        a.LastAssignDay = day;
    }

    /// <summary>Some weeks before the planned end: extend (reassessment, RedenWijziging 04) or let it end with a JW307 reason 31.</summary>
    private void EndDecision(DateOnly day, Assignment a, Act act)
    {
        if (act.Version != a.FateVersion || a.DefinitiveStop is not null || a.TemporaryStop is not null || a.Client.Overleden is not null
            || a.Einddatum is not { } einde)
        {
            return;
        }

        if (!a.Product.IsTotal && _rng.Chance(0.35))
        {
            ApplyChange(day, a, einde.AddMonths(_rng.Between(3, 12)), "04");
            ScheduleFate(a, day);
            return;
        }

        var message = Calendar.Max(Calendar.AddWorkingDays(einde, _rng.Between(1, 5)), Calendar.AddWorkingDays(a.LastRegieDay, 2));
        Schedule(message, Kind.Stop, Phase307, a, arg: einde.DayNumber, arg2: 31, version: a.FateVersion);
    }

    private void AddActive(Client client)
    {
        if (client.ActiveListIndex >= 0)
        {
            return;
        }

        client.ActiveListIndex = _activeClients.Count;
        _activeClients.Add(client);
    }

    private void RemoveActive(Client client)
    {
        var index = client.ActiveListIndex;
        if (index < 0)
        {
            return;
        }

        var last = _activeClients[^1];
        _activeClients[index] = last;
        last.ActiveListIndex = index;
        _activeClients.RemoveAt(_activeClients.Count - 1);
        client.ActiveListIndex = -1;
    }

    /// <summary>The assignment no longer counts as active care (stopped definitively, or its end passed).</summary>
    private void EndAssignment(Assignment a)
    {
        if (a.Ended)
        {
            return;
        }

        a.Ended = true;
        a.Provider.ActiveAssignments--;
        _activeAssignments--;
        if (--a.Client.InCare == 0)
        {
            _clientsInCare--;
        }
    }
}
