using System.Globalization;
using Berichtenverkeer.Generator.Output;
using Berichtenverkeer.Generator.World;
using Berichtenverkeer.Generator.Xml;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Generator.Simulation;

/// <summary>
/// A day-stepped simulation of a youth-care region. Every event (request, answer, assignment, start, stop,
/// declaration) is an action scheduled on a day; each day's actions run in message order (JW315, JW319, JW301, JW305,
/// JW307, JW323) and render their message at once from the state of that moment, so file order is processing order
/// and nothing but the compact per-client state and the actions still to come is held in memory.
/// </summary>
internal sealed partial class Simulator
{
    private const byte PhasePlan = 0;
    private const byte Phase315 = 1;
    private const byte Phase319 = 2;
    private const byte Phase301 = 3;
    private const byte Phase305 = 4;
    private const byte Phase307 = 5;
    private const byte Phase323 = 6;

    private readonly GeneratorSettings _s;
    private readonly Rng _rng;
    private readonly IGenerationSink _sink;
    private readonly MessageRenderer _renderer = new();
    private readonly DateOnly _first;
    private readonly DateOnly _historyStart;
    private readonly DateOnly _warmup;
    private readonly DateOnly _start;
    private readonly DateOnly _end;
    private readonly List<Act>?[] _buckets;
    private readonly List<GeneratedMessage> _out = [];
    private readonly List<Client> _activeClients = [];
    private readonly List<FraudPlan> _fraudPlans = [];
    private readonly List<DefectCase> _defects = [];
    private readonly RunCounters _counters = new();
    private WorldModel _world = null!;
    private BsnSource _bsn = null!;
    private int _seq;
    private long _messageSeq;
    private long _nextToewijzing = 100_000;
    private long _nextBeschikking = 20_000_000;
    private int _nextClientIndex;
    private int _activeAssignments;
    private int _clientsInCare;
    private int _targetAssignments;

    public Simulator(GeneratorSettings settings, IGenerationSink sink)
    {
        _s = settings;
        _sink = sink;
        _rng = new Rng(settings.Seed);
        _start = settings.StartMonth;
        _end = settings.EndExclusive;
        _warmup = _start.AddMonths(-1);
        _historyStart = _start.AddMonths(-settings.HistoryMonths);
        _first = _historyStart.AddDays(-31);
        _buckets = new List<Act>?[_end.DayNumber - _first.DayNumber];
    }

    public RunCounters Counters => _counters;

    public WorldModel World => _world;

    public IReadOnlyList<FraudPlan> FraudPlans => _fraudPlans;

    public IReadOnlyList<DefectCase> Defects => _defects;

    /// <summary>Clients with at least one assignment in care.</summary>
    public int ActiveClients => _clientsInCare;

    public int ActiveAssignments => _activeAssignments;

    public IEnumerable<GeneratedMessage> Run()
    {
        Initialise();
        for (var day = _first; day < _end; day = day.AddDays(1))
        {
            var index = day.DayNumber - _first.DayNumber;
            while (_buckets[index] is { } bucket)
            {
                _buckets[index] = null;
                bucket.Sort(static (a, b) => a.Phase != b.Phase ? a.Phase.CompareTo(b.Phase) : a.Seq.CompareTo(b.Seq));
                foreach (var act in bucket)
                {
                    Execute(act, day);

                    // Hand each action's messages on at once: a declaration day can carry hundreds of megabytes.
                    foreach (var message in _out)
                    {
                        yield return message;
                    }

                    _out.Clear();
                }
            }

            if (day.Day == 1)
            {
                _sink.Progress(day, _messageSeq);
                if (day == _start)
                {
                    _counters.ActiveClientsAtStart = _clientsInCare;
                    _counters.ActiveAssignmentsAtStart = _activeAssignments;
                }
            }
        }

        _counters.ActiveClientsAtEnd = _clientsInCare;
        _counters.ActiveAssignmentsAtEnd = _activeAssignments;
    }

    private void Initialise()
    {
        _world = WorldModel.Build(_s, _rng.Fork(1));
        _bsn = new BsnSource(_rng.Fork(2));
        PlanFraud();
        _world.RefreshWeights();
        CreateStock();
        PlaceFraudAfterStock();
        _world.RefreshWeights();
        _sink.WriteReference(_world, Budgets());
        for (var month = _warmup; month < _end; month = month.AddMonths(1))
        {
            Schedule(month, Kind.MonthPlan, PhasePlan, null);
        }
    }

    private void Execute(Act act, DateOnly day)
    {
        switch (act.Kind)
        {
            case Kind.MonthPlan:
                PlanMonth(day);
                break;
            case Kind.NewCase:
                NewCase(day, act);
                break;
            case Kind.Answer:
                Answer(day, (Assignment)act.Subject!, act.Arg, act.Arg2);
                break;
            case Kind.Assign:
                Assign(day, (Assignment)act.Subject!);
                break;
            case Kind.Change:
                Change(day, (Assignment)act.Subject!, act);
                break;
            case Kind.EndDecision:
                EndDecision(day, (Assignment)act.Subject!, act);
                break;
            case Kind.Start:
                Start(day, (Assignment)act.Subject!, DateOnly.FromDayNumber(act.Arg));
                break;
            case Kind.StartCorrection:
                StartCorrection(day, (Assignment)act.Subject!, DateOnly.FromDayNumber(act.Arg));
                break;
            case Kind.TemporaryStop:
                TemporaryStop(day, (Assignment)act.Subject!, act);
                break;
            case Kind.Restart:
                Restart(day, (Assignment)act.Subject!, act);
                break;
            case Kind.Stop:
                Stop(day, (Assignment)act.Subject!, act);
                break;
            case Kind.StopCorrection:
                StopCorrection(day, (Assignment)act.Subject!, act);
                break;
            case Kind.Declare:
                Declare(day, (Provider)act.Subject!, DateOnly.FromDayNumber(act.Arg));
                break;
            case Kind.Supplement:
                Supplement(day, (SupplementPayload)act.Payload!);
                break;
            case Kind.Resend:
                Resend(day, (ResendPayload)act.Payload!);
                break;
            case Kind.FraudEvent:
                FraudEvent(day, (FraudPlan)act.Payload!);
                break;
            default:
                throw new InvalidOperationException($"Unknown action {act.Kind}.");
        }
    }

    // ---------------------------------------------------------------- scheduling

    private void Schedule(DateOnly day, Kind kind, byte phase, object? subject, int arg = 0, int arg2 = 0, object? payload = null, int version = 0)
    {
        if (day >= _end)
        {
            return;
        }

        if (day < _first)
        {
            day = _first;
        }

        var index = day.DayNumber - _first.DayNumber;
        var bucket = _buckets[index] ??= [];
        bucket.Add(new Act(++_seq, phase, kind, subject, arg, arg2, payload, version));
    }

    private enum Kind : byte
    {
        MonthPlan,
        NewCase,
        Answer,
        Assign,
        Change,
        EndDecision,
        Start,
        StartCorrection,
        TemporaryStop,
        Restart,
        Stop,
        StopCorrection,
        Declare,
        Supplement,
        Resend,
        FraudEvent,
    }

    private readonly record struct Act(int Seq, byte Phase, Kind Kind, object? Subject, int Arg, int Arg2, object? Payload, int Version);

    // ---------------------------------------------------------------- messages

    private bool InTraffic(DateOnly day) => day >= _start;

    /// <summary>A new header with the sender's next Identificatie (yyyyMM + counter, 12 positions, unique per sender and type).</summary>
    private HeaderInfo NewHeader(MessageType type, Provider? provider, Gemeente gemeente, DateOnly day)
    {
        var id = NextIdentificatie(type, provider, gemeente, day);
        return provider is not null && type.Sender == Party.Aanbieder
            ? new HeaderInfo(type, provider.Agb, gemeente.Code, id, day)
            : new HeaderInfo(type, gemeente.Code, provider!.Agb, id, day);
    }

    private string NextIdentificatie(MessageType type, Provider? provider, Gemeente gemeente, DateOnly day)
    {
        long counter;
        if (type.Sender == Party.Aanbieder)
        {
            var slot = ProviderSlot(type);
            counter = ++provider!.NextIdentificatie[slot];
        }
        else
        {
            counter = type == MessageTypes.JW301 ? ++gemeente.NextIdentificatie301 : ++gemeente.NextIdentificatie319;
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"{day.Year:D4}{day.Month:D2}{counter:D6}");
        SetLastIdentificatie(type, provider, gemeente, id);
        return id;
    }

    private static string? LastIdentificatie(MessageType type, Provider? provider, Gemeente gemeente) =>
        type.Sender == Party.Aanbieder
            ? provider!.LastIdentificatie[ProviderSlot(type)]
            : type == MessageTypes.JW301 ? gemeente.LastIdentificatie301 : gemeente.LastIdentificatie319;

    private static void SetLastIdentificatie(MessageType type, Provider? provider, Gemeente gemeente, string id)
    {
        if (type.Sender == Party.Aanbieder)
        {
            provider!.LastIdentificatie[ProviderSlot(type)] = id;
        }
        else if (type == MessageTypes.JW301)
        {
            gemeente.LastIdentificatie301 = id;
        }
        else
        {
            gemeente.LastIdentificatie319 = id;
        }
    }

    private static int ProviderSlot(MessageType type) => type.Number switch
    {
        305 => 0,
        307 => 1,
        315 => 2,
        _ => 3,
    };

    /// <summary>Adds a rendered message to today's output and returns its file name.</summary>
    private string Emit(HeaderInfo h, byte[] content, int prestaties = 0)
    {
        var sequence = ++_messageSeq;
        if (sequence > 9_999_999)
        {
            throw new InvalidOperationException("More than 9,999,999 messages: the 7-digit file sequence would no longer sort. Generate fewer months per run.");
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{sequence:D7}-{h.Type.Name}-{h.Afzender}-{h.Identificatie}.xml");
        _out.Add(new GeneratedMessage(sequence, name, h.Type.Name, h.Afzender, h.Ontvanger, h.Identificatie, h.Dagtekening, content));
        _counters.Count(h.Type.Name, h.Dagtekening < _start, content.Length, prestaties);
        return name;
    }

    private int RandomTime() => _rng.Between(8 * 3600, 17 * 3600);
}

/// <summary>Counts of a run, for the manifest and the report.</summary>
internal sealed class RunCounters
{
    public SortedDictionary<string, long> PerType { get; } = new(StringComparer.Ordinal);

    public long HistoryMessages { get; set; }

    public long Messages { get; set; }

    public long Bytes { get; set; }

    public long Prestaties { get; set; }

    /// <summary>Stopwatch ticks spent writing XML (the rest is simulation, bookkeeping and the consumer).</summary>
    public long RenderTicks { get; set; }

    public long DebitPrestaties { get; set; }

    public long CreditPrestaties { get; set; }

    public long DebitAmount { get; set; }

    public long CreditAmount { get; set; }

    public int ClientsCreated { get; set; }

    public int AssignmentsIssued { get; set; }

    public int ActiveClientsAtStart { get; set; }

    public int ActiveAssignmentsAtStart { get; set; }

    public int ActiveClientsAtEnd { get; set; }

    public int ActiveAssignmentsAtEnd { get; set; }

    public SortedDictionary<DateOnly, long> PrestatiesPerCareMonth { get; } = [];

    public void Count(string type, bool history, long bytes, int prestaties)
    {
        PerType[type] = PerType.GetValueOrDefault(type) + 1;
        Messages++;
        Bytes += bytes;
        Prestaties += prestaties;
        if (history)
        {
            HistoryMessages++;
        }
    }
}
