using System.Diagnostics;
using System.Globalization;
using Berichtenverkeer.Generator.World;
using Berichtenverkeer.Generator.Xml;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Generator.Simulation;

internal sealed partial class Simulator
{
    /// <summary>
    /// A provider's monthly declarations: per municipality one JW323 (split above the client limit) for the care month,
    /// one prestatie per assignment with ProductPeriode = the month ∩ the assignment (TR387/TR388), a volume from the
    /// care actually given (utilisation mostly 60–95%) kept within the period maximum (TR321) and the total so far
    /// (TR322), the contract tariff (TR418) and amount = volume × tariff (TR346); now and then a credit of last
    /// month's prestatie with a corrected new debit (IV086, OP366).
    /// </summary>
    private void Declare(DateOnly day, Provider p, DateOnly careMonth)
    {
        foreach (var g in p.Gemeenten)
        {
            var list = p.Caseload[g.Index];
            if (list.Count == 0)
            {
                continue;
            }

            list.Sort(static (x, y) => x.Client.Index != y.Client.Index ? x.Client.Index.CompareTo(y.Client.Index) : x.Nummer.CompareTo(y.Nummer));
            var clients = new List<DeclaredClient>();
            List<Prestatie>? current = null;
            Client? currentClient = null;
            var scratch = new List<Prestatie>(4);
            foreach (var a in list)
            {
                scratch.Clear();
                Prestaties(day, a, careMonth, scratch);
                if (scratch.Count == 0)
                {
                    continue;
                }

                if (a.Client != currentClient)
                {
                    currentClient = a.Client;
                    current = [];
                    clients.Add(new DeclaredClient(a.Client, current));
                }

                current!.AddRange(scratch);
            }

            for (var offset = 0; offset < clients.Count; offset += _s.MaxClientsPerDeclaration)
            {
                var chunk = clients.GetRange(offset, Math.Min(_s.MaxClientsPerDeclaration, clients.Count - offset));
                EmitDeclaration(day, p, g, careMonth, chunk);
            }

            // The debit before last was only kept for this declaration's TR389 defect: drop it to keep the state small.
            foreach (var a in list)
            {
                a.PreviousDebit = null;
            }

            RemoveFinished(list);
        }
    }

    private void Prestaties(DateOnly day, Assignment a, DateOnly careMonth, List<Prestatie> output)
    {
        var p = a.Provider;
        var first = careMonth;
        var last = Calendar.LastOfMonth(careMonth);
        if (p.Fraud is null && a.Fraud == AssignmentFraud.None && InTraffic(day) && a.LastDebit is { Credited: false } previous && previous.End < first)
        {
            var draw = _rng.NextDouble();
            if (draw < 0.018)
            {
                output.Add(Credit(a, previous, careMonth));
                if (draw < 0.015 && ReDebit(a, previous, careMonth) is { } corrected)
                {
                    output.Add(corrected);
                }
            }
        }

        if (a.Einddatum is { } einde && einde < first)
        {
            Finish(a);
            return;
        }

        if (a.Ingangsdatum > last)
        {
            return;
        }

        var b = Calendar.Max(first, a.Ingangsdatum);
        var e = a.Einddatum is { } end && end < last ? end : last;
        var continuing = (a.Fraud & (AssignmentFraud.ContinuesAfterDeath | AssignmentFraud.ContinuesAfterStop
            | AssignmentFraud.ContinuesDuringTemporaryStop | AssignmentFraud.NeverStarted)) != 0;
        int active;
        if (continuing)
        {
            var careStart = a.FirstCareDay ?? a.Ingangsdatum;
            active = Calendar.Days(Calendar.Max(b, careStart), e);
        }
        else
        {
            active = ActiveDays(a, b, e);
        }

        if (active <= 0)
        {
            if ((a.DefinitiveStop is { } stop && stop < first) || (a.Client.Overleden is { } died && died < first && !continuing))
            {
                Finish(a);
            }

            return;
        }

        if (Debit(a, b, e, active, careMonth) is { } debit)
        {
            output.Add(debit);
        }
    }

    private static int ActiveDays(Assignment a, DateOnly b, DateOnly e) => a.CareDays(b, e);

    private Prestatie? Debit(Assignment a, DateOnly b, DateOnly e, int active, DateOnly careMonth)
    {
        var product = a.Product;
        var p = a.Provider;
        var tariff = _world.Tariff(p, a.Gemeente, product, b.Year);
        if (product.IsAspecific)
        {
            var totalDays = Calendar.Days(a.Ingangsdatum, a.Einddatum ?? a.Ingangsdatum.AddMonths(6));
            var target = a.Budget!.Value * (double)active / totalDays * Utilisation();
            var hours = Math.Min((long)Math.Round(target / tariff), (a.Budget.Value - a.DeclaredAmount) / tariff);
            return hours <= 0 ? null : NewDebit(a, b, e, hours, hours, product.DeclareEenheid, tariff, hours * tariff, careMonth);
        }

        var maxOut = p.Fraud?.Code == FraudCodes.FR26;
        var minutes = p.DeclaresMinutes && product.DeclareEenheid == Eenheid.Uur;
        double units;
        if (maxOut)
        {
            units = 1_000_000;
        }
        else if ((a.Fraud & AssignmentFraud.ImpossibleVolume) != 0 && a.DeclaredUntil is null)
        {
            units = Calendar.Days(b, e) + _rng.Between(8, 15);
        }
        else if (product.IsWeekly)
        {
            units = a.Volume * active / 7.0 * Utilisation();
        }
        else if (product.IsResidentialDays)
        {
            var absence = _rng.NextDouble() switch
            {
                < 0.5 => 0,
                < 0.8 => _rng.Between(1, 2),
                _ => _rng.Between(3, 6),
            };
            units = Math.Max(0, active - absence);
        }
        else if (product.Eenheid == Eenheid.StuksOutput)
        {
            units = _rng.Chance(0.9) ? a.Volume : 0;
        }
        else if (product.IsTotal)
        {
            var span = Calendar.Days(a.Ingangsdatum, a.Einddatum ?? a.Ingangsdatum.AddMonths(3));
            units = a.Volume * (double)active / span * _rng.Between(0.85, 1.15);
            if (product.Eenheid == Eenheid.Etmaal)
            {
                units = Math.Min(units, active);
            }
        }
        else
        {
            // Hours per month: a broken month gets its share of the month.
            units = a.Volume * (double)active / DateTime.DaysInMonth(b.Year, b.Month) * Utilisation();
        }

        var scale = VolumeRules.Scale(a);
        long scaled;
        if (product.Eenheid == Eenheid.Uur)
        {
            scaled = minutes ? (long)Math.Round(units * 12) * 5 : (long)Math.Round(units) * 60;
            if (scaled == 0 && units > 0.1)
            {
                scaled = minutes ? 30 : 60;
            }
        }
        else
        {
            scaled = (long)Math.Round(units);
        }

        var periodCap = VolumeRules.PeriodMax(a, b, e) * scale;
        var totalCap = (VolumeRules.TotalMaxUntil(a, e) * scale) - a.DeclaredVolume;
        scaled = Math.Min(scaled, Math.Min(periodCap, totalCap));
        if (product.Eenheid == Eenheid.Uur && !minutes)
        {
            scaled -= scaled % 60;
        }

        if (scaled <= 0)
        {
            return null;
        }

        if (minutes)
        {
            var perMinute = VolumeRules.RoundHalfUp(tariff, 60);
            return NewDebit(a, b, e, scaled, scaled, Eenheid.Minuut, perMinute, VolumeRules.RoundHalfUp(tariff * scaled, 60), careMonth);
        }

        var volume = product.Eenheid == Eenheid.Uur ? scaled / 60 : scaled;
        return NewDebit(a, b, e, volume, scaled, product.DeclareEenheid, tariff, volume * tariff, careMonth);
    }

    private Prestatie NewDebit(Assignment a, DateOnly b, DateOnly e, long volume, long scaled, string eenheid, long tarief, long bedrag, DateOnly careMonth)
    {
        var prestatie = new Prestatie
        {
            Assignment = a,
            ReferentieNummer = NextReferentie(a.Provider, careMonth),
            ProductCategorie = a.Product.Categorie,
            ProductCode = a.Product.DeclareCode,
            ToewijzingNummer = a.Nummer,
            Begin = b,
            End = e,
            Volume = volume,
            Eenheid = eenheid,
            Tarief = eenheid == Eenheid.Euros ? null : tarief,
            Bedrag = bedrag,
            Credit = false,
            DeclaredFor = careMonth,
        };
        a.DeclaredVolume += scaled;
        a.DeclaredAmount += bedrag;
        a.PreviousDebit = a.LastDebit;
        a.LastDebit = prestatie;
        a.DeclaredUntil = e;
        return prestatie;
    }

    /// <summary>IV091: the credit equals the debit except a new ReferentieNummer, VorigReferentieNummer and C.</summary>
    private Prestatie Credit(Assignment a, Prestatie debit, DateOnly careMonth)
    {
        debit.Credited = true;
        a.DeclaredVolume -= VolumeRules.Scaled(a, debit.Volume, debit.Eenheid);
        a.DeclaredAmount -= debit.Bedrag;
        return new Prestatie
        {
            Assignment = a,
            ReferentieNummer = NextReferentie(a.Provider, careMonth),
            VorigReferentieNummer = debit.ReferentieNummer,
            ProductCategorie = debit.ProductCategorie,
            ProductCode = debit.ProductCode,
            ToewijzingNummer = debit.ToewijzingNummer,
            Begin = debit.Begin,
            End = debit.End,
            Volume = debit.Volume,
            Eenheid = debit.Eenheid,
            Tarief = debit.Tarief,
            Bedrag = debit.Bedrag,
            Credit = true,
            DeclaredFor = careMonth,
        };
    }

    /// <summary>The corrected debit after a credit: the same period, a different volume, still within the maxima.</summary>
    private Prestatie? ReDebit(Assignment a, Prestatie debit, DateOnly careMonth)
    {
        var factor = _rng.Between(0.6, 1.2);
        var tariff = _world.Tariff(a.Provider, a.Gemeente, a.Product, debit.Begin.Year);
        if (a.Product.IsAspecific)
        {
            var hours = Math.Min(Math.Max(1, (long)Math.Round(debit.Volume * factor)), (a.Budget!.Value - a.DeclaredAmount) / tariff);
            if (hours <= 0 || hours == debit.Volume)
            {
                return null;
            }

            var prestatie = NewDebit(a, debit.Begin, debit.End, hours, hours, debit.Eenheid, tariff, hours * tariff, careMonth);
            a.DeclaredUntil = Calendar.Max(a.DeclaredUntil ?? debit.End, debit.End);
            return prestatie;
        }

        var scale = VolumeRules.Scale(a);
        var cap = Math.Min(VolumeRules.PeriodMax(a, debit.Begin, debit.End) * scale, (VolumeRules.TotalMaxUntil(a, debit.End) * scale) - a.DeclaredVolume);
        var volume = Math.Max(1, (long)Math.Round(debit.Volume * factor));
        var minutes = debit.Eenheid == Eenheid.Minuut;
        var scaled = Math.Min(VolumeRules.Scaled(a, volume, debit.Eenheid), cap);
        if (!minutes && a.Product.Eenheid == Eenheid.Uur)
        {
            scaled -= scaled % 60;
        }

        volume = minutes || a.Product.Eenheid != Eenheid.Uur ? scaled : scaled / 60;
        if (volume <= 0 || volume == debit.Volume)
        {
            return null;
        }

        var bedrag = minutes ? VolumeRules.RoundHalfUp(tariff * volume, 60) : volume * tariff;
        var tarief = minutes ? VolumeRules.RoundHalfUp(tariff, 60) : tariff;
        var result = NewDebit(a, debit.Begin, debit.End, volume, scaled, debit.Eenheid, tarief, bedrag, careMonth);
        a.DeclaredUntil = Calendar.Max(a.DeclaredUntil ?? debit.End, debit.End);
        return result;
    }

    private double Utilisation() => _rng.NextDouble() switch
    {
        < 0.88 => _rng.Between(0.60, 0.95),
        < 0.98 => _rng.Between(0.20, 0.60),
        _ => _rng.Between(0.95, 1.0),
    };

    private static string NextReferentie(Provider p, DateOnly careMonth) =>
        string.Create(CultureInfo.InvariantCulture, $"{careMonth.Year:D4}{careMonth.Month:D2}{++p.NextReferentie:D7}");

    private static string NextDeclaratieNummer(Provider p, DateOnly careMonth) =>
        string.Create(CultureInfo.InvariantCulture, $"D{careMonth.Year:D4}{careMonth.Month:D2}{++p.NextDeclaratie:D5}");

    private void Finish(Assignment a)
    {
        a.Finished = true;
        EndAssignment(a);
    }

    private void RemoveFinished(List<Assignment> list)
    {
        var removed = false;
        foreach (var a in list)
        {
            if (!a.Finished)
            {
                continue;
            }

            removed = true;
            var client = a.Client;
            client.Assignments.Remove(a);
            if (client.Assignments.Count == 0)
            {
                RemoveActive(client);
            }
        }

        if (removed)
        {
            list.RemoveAll(static a => a.Finished);
        }
    }

    /// <summary>Renders one JW323 and does its bookkeeping; a technical defect may be injected (see Simulator.Defects).</summary>
    private void EmitDeclaration(DateOnly day, Provider p, Gemeente g, DateOnly careMonth, List<DeclaredClient> clients)
    {
        var count = 0;
        foreach (var c in clients)
        {
            count += c.Prestaties.Count;
        }

        var nummer = NextDeclaratieNummer(p, careMonth);
        var defect = RollDefect(MessageTypes.JW323, day, p);
        var plannedDefect = defect is null ? null : PrepareDeclarationDefect(defect, p, clients, careMonth);
        if (defect is not null && plannedDefect is null)
        {
            Requeue(defect);
        }

        var previousId = LastIdentificatie(MessageTypes.JW323, p, g);
        HeaderInfo h;
        if (plannedDefect?.Code == DefectCodes.TR056 && previousId is not null)
        {
            h = new HeaderInfo(MessageTypes.JW323, p.Agb, g.Code, previousId, day);
        }
        else
        {
            h = NewHeader(MessageTypes.JW323, p, g, day);
            if (plannedDefect?.Code == DefectCodes.TR056)
            {
                Requeue(DefectCodes.TR056);
                plannedDefect = null;
            }
        }

        var written = nummer;
        if (plannedDefect?.Code == DefectCodes.TR333)
        {
            written = p.LastDeclaratieNummer!;
        }

        var started = Stopwatch.GetTimestamp();
        var content = _renderer.Jw323(h, written, careMonth, day, plannedDefect?.Clients ?? clients);
        _counters.RenderTicks += Stopwatch.GetTimestamp() - started;
        var file = Emit(h, content, plannedDefect?.Prestaties ?? count);
        CountPrestaties(plannedDefect?.Clients ?? clients, careMonth);
        if (plannedDefect is not null)
        {
            CompleteDeclarationDefect(day, plannedDefect, p, g, careMonth, h, file, content, nummer, clients);
        }
        else
        {
            Received(p, nummer, clients);
        }

        TrackFraud(p, careMonth, clients, file, countEvidence: true);
    }

    /// <summary>A declaration that counts as received: its number and one of its approved debits become material for later defects.</summary>
    private static void Received(Provider p, string nummer, List<DeclaredClient> clients)
    {
        p.LastDeclaratieNummer = nummer;
        foreach (var c in clients)
        {
            foreach (var prestatie in c.Prestaties)
            {
                if (!prestatie.Credit && prestatie.Defect is null)
                {
                    p.LastApprovedReferentie = prestatie.ReferentieNummer;
                    return;
                }
            }
        }
    }

    private void CountPrestaties(List<DeclaredClient> clients, DateOnly careMonth)
    {
        long n = 0;
        foreach (var c in clients)
        {
            foreach (var prestatie in c.Prestaties)
            {
                n++;
                if (prestatie.Credit)
                {
                    _counters.CreditPrestaties++;
                    _counters.CreditAmount += prestatie.Bedrag;
                }
                else
                {
                    _counters.DebitPrestaties++;
                    _counters.DebitAmount += prestatie.Bedrag;
                }
            }
        }

        _counters.PrestatiesPerCareMonth[careMonth] = _counters.PrestatiesPerCareMonth.GetValueOrDefault(careMonth) + n;
    }

    /// <summary>A supplementary declaration for the same month carrying the corrected prestatie of a rejected one.</summary>
    private void Supplement(DateOnly day, SupplementPayload payload)
    {
        var p = payload.Provider;
        var nummer = NextDeclaratieNummer(p, payload.CareMonth);
        var h = NewHeader(MessageTypes.JW323, p, payload.Gemeente, day);
        List<DeclaredClient> clients = [new DeclaredClient(payload.Prestatie.Assignment.Client, [payload.Prestatie])];
        var file = Emit(h, _renderer.Jw323(h, nummer, payload.CareMonth, day, clients), 1);
        CountPrestaties(clients, payload.CareMonth);
        Received(p, nummer, clients);
        payload.Case.CorrectedBy.Add(file);
    }
}

/// <summary>The corrected prestatie a provider sends after one was rejected.</summary>
internal sealed record SupplementPayload(Provider Provider, Gemeente Gemeente, DateOnly CareMonth, Prestatie Prestatie, DefectCase Case);
