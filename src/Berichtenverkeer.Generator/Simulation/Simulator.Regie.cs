using System.Globalization;
using Berichtenverkeer.Generator.World;
using Berichtenverkeer.Generator.Xml;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Generator.Simulation;

internal sealed partial class Simulator
{
    /// <summary>JW305 after the actual start (OP011/OP271). A few providers first type a wrong Begindatum and correct it with
    /// a delete (StatusAanlevering 3) plus a new delivery in one later message (IV008).</summary>
    private void Start(DateOnly day, Assignment a, DateOnly begin)
    {
        if (a.StartReported || a.Client.Overleden is not null || a.DefinitiveStop is not null)
        {
            return;
        }

        var reported = begin;
        var wrong = (day.DayNumber - begin.DayNumber) >= 2 && _rng.Chance(0.03);
        if (wrong)
        {
            reported = begin.AddDays(_rng.Between(1, Math.Min(3, day.DayNumber - begin.DayNumber)));
        }

        var line = Line(a, reported, null, null, StatusAanlevering.Eerste);
        var file = Heen(MessageTypes.JW305, a.Provider, a.Gemeente, day, Phase305, h => _renderer.Jw305(h, a.Client, [line]), a, strayBase: line);
        a.Plan?.Files.Add(file);
        a.StartReported = true;
        a.StartBegindatum = reported;
        a.BeginCare(begin);
        a.LastRegieDay = day;
        if (wrong)
        {
            a.PendingStartCorrection = true;
            Schedule(Calendar.AddWorkingDays(day, _rng.Between(2, 5)), Kind.StartCorrection, Phase305, a, arg: begin.DayNumber);
        }

        ScheduleFate(a, day);
    }

    private void StartCorrection(DateOnly day, Assignment a, DateOnly begin)
    {
        if (a.StartBegindatum is not { } wrong || wrong == begin || a.DefinitiveStop is not null || a.TemporaryStop is not null)
        {
            a.PendingStartCorrection = false;
            return;
        }

        RegieLine[] lines = [Line(a, wrong, null, null, StatusAanlevering.Verwijderen), Line(a, begin, null, null, StatusAanlevering.Eerste)];
        Heen(MessageTypes.JW305, a.Provider, a.Gemeente, day, Phase305, h => _renderer.Jw305(h, a.Client, lines), a);
        a.StartBegindatum = begin;
        a.PendingStartCorrection = false;
        a.LastRegieDay = day;
    }

    /// <summary>
    /// What happens next to a started assignment: an early definitive stop, a temporary stop, or its planned end
    /// (extension or a stop with reason 31). Open-ended residential care ends after a geometric number of months.
    /// </summary>
    private void ScheduleFate(Assignment a, DateOnly today)
    {
        var version = ++a.FateVersion;
        if (a.Fraud != AssignmentFraud.None || a.StartBegindatum is not { } begin)
        {
            return;
        }

        var from = Calendar.Max(Calendar.Max(begin.AddDays(21), _warmup), today.AddDays(7));
        if (a.Einddatum is not { } einde)
        {
            var months = 1;
            while (months < 60 && !_rng.Chance(0.06))
            {
                months++;
            }

            var stop = begin.AddMonths(months).AddDays(_rng.Between(0, 27));
            if (stop < from)
            {
                stop = from.AddDays(_rng.Between(0, 40));
            }

            ScheduleStop(a, stop, _rng.Chance(0.6) ? 31 : 34, version);
            return;
        }

        var draw = _rng.NextDouble();
        if (draw < 0.10 && from <= einde.AddDays(-7))
        {
            ScheduleStop(a, DayBetween(from, einde.AddDays(-7)), EarlyReason(), version);
        }
        else if (draw < 0.17 && from <= einde.AddDays(-45))
        {
            var x = DayBetween(from, einde.AddDays(-45));
            Schedule(RegieDay(a, x), Kind.TemporaryStop, Phase307, a, arg: x.DayNumber, version: version);
        }
        else
        {
            var decision = Calendar.NextWorkingDay(Calendar.Max(from, einde.AddDays(-_rng.Between(7, 21))));
            Schedule(decision, Kind.EndDecision, Phase301, a, version: version);
        }
    }

    private void ScheduleStop(Assignment a, DateOnly einde, int reden, int version, FraudPlan? plan = null) =>
        Schedule(RegieDay(a, einde), Kind.Stop, Phase307, a, arg: einde.DayNumber, arg2: reden, payload: plan, version: version);

    /// <summary>The day a JW305/JW307 about <paramref name="effective"/> is sent: 1–5 working days later (OP271/OP272), and at
    /// least two working days after the previous regie message of the assignment, so resends and corrections stay in order.</summary>
    private DateOnly RegieDay(Assignment a, DateOnly effective) =>
        Calendar.Max(Calendar.AddWorkingDays(effective, _rng.Between(1, 5)), Calendar.AddWorkingDays(a.LastRegieDay, 2));

    private DateOnly DayBetween(DateOnly from, DateOnly to) => from.AddDays(_rng.Next(to.DayNumber - from.DayNumber + 1));

    private int EarlyReason() => _rng.NextDouble() switch
    {
        < 0.01 => 2,
        < 0.23 => 32,
        < 0.36 => 33,
        < 0.66 => 34,
        < 0.81 => 35,
        < 0.86 => 38,
        _ => 39,
    };

    private void TemporaryStop(DateOnly day, Assignment a, Act act)
    {
        if (act.Version != a.FateVersion || !a.StartReported || a.DefinitiveStop is not null || a.TemporaryStop is not null
            || a.PendingStartCorrection || a.Client.Overleden is not null)
        {
            return;
        }

        var x = Calendar.Min(DateOnly.FromDayNumber(act.Arg), day);
        var line = Line(a, a.StartBegindatum!.Value, RedenBeeindiging.Tijdelijk, x, StatusAanlevering.Eerste);
        var file = Heen(MessageTypes.JW307, a.Provider, a.Gemeente, day, Phase307, h => _renderer.Jw307(h, a.Client, [line]), a, strayBase: line);
        a.TemporaryStop = x;
        CloseCare(a, x);
        a.LastRegieDay = day;
        if (act.Payload is FraudPlan plan)
        {
            plan.Files.Add(file);
            return;
        }

        var version = ++a.FateVersion;
        if (a.Einddatum is { } einde && _rng.Chance(0.7) && einde.DayNumber - x.DayNumber > 50)
        {
            var restart = x.AddDays(_rng.Between(7, 45));
            Schedule(RegieDay(a, restart), Kind.Restart, Phase305, a, arg: restart.DayNumber, version: version);
        }
        else
        {
            var end = x.AddDays(_rng.Between(0, 30));
            if (a.Einddatum is { } e && end > e)
            {
                end = e;
            }

            ScheduleStop(a, end, _rng.Chance(0.5) ? 34 : 31, version);
        }
    }

    private void Restart(DateOnly day, Assignment a, Act act)
    {
        if (act.Version != a.FateVersion || a.TemporaryStop is null || a.DefinitiveStop is not null || a.Client.Overleden is not null)
        {
            return;
        }

        var restart = Calendar.Min(DateOnly.FromDayNumber(act.Arg), day);
        var line = Line(a, restart, null, null, StatusAanlevering.Eerste);
        Heen(MessageTypes.JW305, a.Provider, a.Gemeente, day, Phase305, h => _renderer.Jw305(h, a.Client, [line]), a, strayBase: line);
        a.StartBegindatum = restart;
        a.TemporaryStop = null;
        a.BeginCare(restart);
        a.LastRegieDay = day;
        ScheduleFate(a, day);
    }

    /// <summary>
    /// JW307 with a definitive reason. The municipality then ends the assignment on the stop date (JW301, RedenWijziging
    /// matching the reason) — except in a share of cases where its administration lags (the assignment stays as it was).
    /// A few providers first send the wrong reason and correct it with a delete plus a new delivery.
    /// </summary>
    private void Stop(DateOnly day, Assignment a, Act act)
    {
        var plan = act.Payload as FraudPlan;
        if (act.Version != a.FateVersion || !a.StartReported || a.DefinitiveStop is not null || a.PendingStartCorrection)
        {
            return;
        }

        var x = Calendar.Min(DateOnly.FromDayNumber(act.Arg), day);
        if (x < a.StartBegindatum)
        {
            x = a.StartBegindatum!.Value;
        }

        if (a.TemporaryStop is { } t && x < t)
        {
            x = t;
        }

        var reden = act.Arg2.ToString("D2", CultureInfo.InvariantCulture);
        var correct = plan is null && reden == "31" && x == a.Einddatum && _rng.Chance(0.04);
        var line = Line(a, a.StartBegindatum!.Value, correct ? "34" : reden, x, StatusAanlevering.Eerste);
        var file = Heen(MessageTypes.JW307, a.Provider, a.Gemeente, day, Phase307, h => _renderer.Jw307(h, a.Client, [line]), a, strayBase: line);
        plan?.Files.Add(file);
        a.Plan?.Files.Add(file);
        a.DefinitiveStop = x;
        CloseCare(a, x);
        a.LastRegieDay = day;
        if ((a.Fraud & (AssignmentFraud.ContinuesAfterStop | AssignmentFraud.ContinuesAfterDeath)) == 0)
        {
            EndAssignment(a);
        }

        if (correct)
        {
            Schedule(Calendar.AddWorkingDays(day, _rng.Between(2, 5)), Kind.StopCorrection, Phase307, a, arg: x.DayNumber);
        }

        var endsEarly = a.Einddatum is not { } e || x < e;
        if (endsEarly && !a.MunicipalityIgnoresStop && (reden is "02" or "38" || _rng.Chance(0.85)))
        {
            Schedule(Calendar.AddWorkingDays(day, _rng.Between(1, 3)), Kind.Change, Phase301, a, arg: x.DayNumber, arg2: RedenWijzigingFor(reden));
        }

        if (reden == "02" && a.Client.Overleden is null)
        {
            Death(a.Client, x, except: a, plan: null);
        }
    }

    private void StopCorrection(DateOnly day, Assignment a, Act act)
    {
        var x = DateOnly.FromDayNumber(act.Arg);
        var begin = a.StartBegindatum!.Value;
        RegieLine[] lines = [Line(a, begin, "34", x, StatusAanlevering.Verwijderen), Line(a, begin, "31", x, StatusAanlevering.Eerste)];
        Heen(MessageTypes.JW307, a.Provider, a.Gemeente, day, Phase307, h => _renderer.Jw307(h, a.Client, lines), a);
        a.LastRegieDay = day;
    }

    /// <summary>
    /// A client dies on <paramref name="day"/>: every other provider in care stops with reason 02 and the municipality
    /// ends those assignments; an assignment not yet started is ended (or, when it had not begun, deleted).
    /// </summary>
    private void Death(Client client, DateOnly day, Assignment? except, FraudPlan? plan)
    {
        client.Overleden = day;
        RemoveActive(client);
        foreach (var o in client.Assignments)
        {
            if (o == except || !o.Issued || o.DefinitiveStop is not null || o.Fraud != AssignmentFraud.None)
            {
                continue;
            }

            var version = ++o.FateVersion;
            if (o.StartReported)
            {
                ScheduleStop(o, Calendar.Max(day, o.TemporaryStop ?? day), 2, version, plan);
            }
            else if (o.Einddatum is null || o.Einddatum > day)
            {
                var deleted = o.Ingangsdatum > day;
                var change = Calendar.Max(Calendar.AddWorkingDays(day, _rng.Between(2, 5)), Calendar.AddWorkingDays(o.LastAssignDay, 1));
                Schedule(change, Kind.Change, Phase301, o, arg: (deleted ? o.Ingangsdatum : day).DayNumber, arg2: deleted ? 13 : 2);
                o.DefinitiveStop = deleted ? o.Ingangsdatum : day;
                EndAssignment(o);
            }
        }
    }

    private static int RedenWijzigingFor(string redenBeeindiging) => redenBeeindiging switch
    {
        "02" => 2,
        "35" => 7,
        "37" => 12,
        "38" => 9,
        "39" => 6,
        _ => 14,
    };

    private static void CloseCare(Assignment a, DateOnly end) => a.EndCare(end);

    private static RegieLine Line(Assignment a, DateOnly begin, string? reden, DateOnly? einde, string status) =>
        new(a.Nummer, a.Product.Categorie, a.Product.Code, a.Ingangsdatum, begin, reden, einde, status);
}
