namespace Berichtenverkeer.Generator.World;

internal sealed class Gemeente
{
    public required int Index { get; init; }

    public required MunicipalityInfo Info { get; init; }

    public required int Region { get; init; }

    public string Code => Info.Code;

    /// <summary>Has its own product code 45X01 (a municipal list next to the national one).</summary>
    public bool HasLocalCode { get; init; }

    public int Pc4Base { get; init; }

    /// <summary>Providers contracted by this municipality, with cumulative size weights for drawing one.</summary>
    public List<Provider> Providers { get; } = [];

    public double[] ProviderWeights { get; set; } = [];

    public long NextIdentificatie301;

    public long NextIdentificatie319;

    public string? LastIdentificatie301;

    public string? LastIdentificatie319;
}

internal sealed class Provider
{
    public required int Index { get; init; }

    public required string Agb { get; init; }

    public required string Naam { get; init; }

    public required ProviderProfile Profile { get; set; }

    public required double SizeWeight { get; set; }

    /// <summary>1.0 for most; some providers negotiated a slightly different tariff.</summary>
    public required double TariffFactor { get; init; }

    /// <summary>Day of the month the provider sends its declarations (after the stops and assignment changes of the care month are in).</summary>
    public required int DeclarationDay { get; init; }

    /// <summary>Declares hours as minutes (IV081) instead of hours.</summary>
    public required bool DeclaresMinutes { get; init; }

    /// <summary>Municipalities this provider has a contract with, ascending by index.</summary>
    public List<Gemeente> Gemeenten { get; } = [];

    /// <summary>Per municipality (same order as <see cref="Gemeenten"/>) the assignments to declare.</summary>
    public Dictionary<int, List<Assignment>> Caseload { get; } = [];

    public FraudPlan? Fraud { get; set; }

    /// <summary>Not in care before this day (a FR34 destination provider starts during the run).</summary>
    public int ActiveFromDay { get; set; }

    /// <summary>Part of another provider's fraud case (the provider FR34 clients leave): kept free of technical defects.</summary>
    public bool InvolvedInFraud { get; set; }

    public long NextReferentie;

    public int NextDeclaratie;

    public int NextVot;

    public readonly long[] NextIdentificatie = new long[4];

    public readonly string?[] LastIdentificatie = new string?[4];

    /// <summary>DeclaratieNummer of an earlier declaration that was received (for the TR333 defect).</summary>
    public string? LastDeclaratieNummer;

    /// <summary>ReferentieNummer of an earlier approved debit (for the TR314 defect).</summary>
    public string? LastApprovedReferentie;

    public long ActiveAssignments;
}

internal sealed class Client
{
    public required int Index { get; init; }

    public required int Bsn { get; init; }

    public required DateOnly Geboortedatum { get; init; }

    public required byte Geslacht { get; init; }

    public required short Surname { get; init; }

    public required short FirstName { get; init; }

    public required short SecondName { get; init; }

    public required short ParentFirstName { get; init; }

    public required Gemeente Gemeente { get; init; }

    public required short Street { get; init; }

    public required short Huisnummer { get; init; }

    public required short Postcode4 { get; init; }

    public required short PostcodeLetters { get; init; }

    public required bool WithParent { get; init; }

    /// <summary>Assignments of this client, any provider; ended ones are dropped once declared.</summary>
    public List<Assignment> Assignments { get; } = [];

    public DateOnly? Overleden { get; set; }

    /// <summary>A VOT of this provider for this client is pending (TR374): provider index, or -1.</summary>
    public int PendingVotProvider { get; set; } = -1;

    /// <summary>Issued assignments of this client still in care (not ended).</summary>
    public int InCare { get; set; }

    public int ActiveListIndex { get; set; } = -1;
}

/// <summary>One assignment (ToegewezenProduct), its current version and what happened to it since.</summary>
internal sealed class Assignment
{
    public required long Nummer { get; init; }

    public required Client Client { get; init; }

    public required Provider Provider { get; set; }

    public required Gemeente Gemeente { get; init; }

    public required ProductDef Product { get; init; }

    public required DateOnly Ingangsdatum { get; set; }

    public DateOnly? Einddatum { get; set; }

    public required long Volume { get; init; }

    public long? Budget { get; init; }

    public string? ReferentieAanbieder { get; set; }

    public required long BeschikkingNummer { get; set; }

    /// <summary>Start of the decision (beschikking); on or before the Ingangsdatum.</summary>
    public DateOnly? BeschikkingVan { get; set; }

    public DateOnly Toewijzingsdatum { get; set; }

    /// <summary>Seconds since midnight.</summary>
    public int Toewijzingstijd { get; set; }

    public string? RedenWijziging { get; set; }

    /// <summary>The JW301 carrying this version was sent (or is being sent).</summary>
    public bool Issued { get; set; }

    // --- start/stop (regie) ---

    /// <summary>Begindatum of the current (latest) start; null before the first start.</summary>
    public DateOnly? StartBegindatum { get; set; }

    /// <summary>The start was reported (JW305 sent).</summary>
    public bool StartReported { get; set; }

    public DateOnly? TemporaryStop { get; set; }

    /// <summary>Einddatum of the definitive stop.</summary>
    public DateOnly? DefinitiveStop { get; set; }

    // Care as actually delivered: the current interval inline (most assignments have one), earlier ones (before a
    // temporary stop) in a list that exists only when needed — the state of ~500,000 assignments stays small.
    private DateOnly _careBegin;
    private DateOnly? _careEnd;
    private bool _hasCare;
    private List<(DateOnly Begin, DateOnly? End)>? _earlierCare;

    /// <summary>First day care was given, if it started.</summary>
    public DateOnly? FirstCareDay => _earlierCare is { Count: > 0 } earlier ? earlier[0].Begin : _hasCare ? _careBegin : null;

    /// <summary>Care (re)starts on <paramref name="begin"/>.</summary>
    public void BeginCare(DateOnly begin)
    {
        if (_hasCare)
        {
            (_earlierCare ??= []).Add((_careBegin, _careEnd));
        }

        _careBegin = begin;
        _careEnd = null;
        _hasCare = true;
    }

    /// <summary>Care stops after <paramref name="end"/> (temporary or definitive).</summary>
    public void EndCare(DateOnly end)
    {
        if (_hasCare && _careEnd is null)
        {
            _careEnd = end;
        }
    }

    public bool CareBeganOn(DateOnly day) => (_hasCare && _careBegin == day) || (_earlierCare?.Exists(c => c.Begin == day) ?? false);

    /// <summary>Days of care within [b, e].</summary>
    public int CareDays(DateOnly b, DateOnly e)
    {
        if (!_hasCare)
        {
            return 0;
        }

        var days = Overlap(_careBegin, _careEnd, b, e);
        if (_earlierCare is not null)
        {
            foreach (var (begin, end) in _earlierCare)
            {
                days += Overlap(begin, end, b, e);
            }
        }

        return days;
    }

    private static int Overlap(DateOnly begin, DateOnly? end, DateOnly b, DateOnly e)
    {
        var from = begin > b ? begin : b;
        var to = end is { } x && x < e ? x : e;
        return to < from ? 0 : to.DayNumber - from.DayNumber + 1;
    }

    // --- declarations ---

    /// <summary>Σ of standing (approved, not credited) debit volumes in declared units (minutes count as minutes).</summary>
    public long DeclaredVolume { get; set; }

    /// <summary>Σ of standing debit amounts, in cents (TR369).</summary>
    public long DeclaredAmount { get; set; }

    public Prestatie? LastDebit { get; set; }

    /// <summary>The debit before <see cref="LastDebit"/> (material for the TR389 double-debit defect).</summary>
    public Prestatie? PreviousDebit { get; set; }

    /// <summary>Last ProductPeriode end that was declared (TR322 for open-ended assignments).</summary>
    public DateOnly? DeclaredUntil { get; set; }

    /// <summary>Declarations may stop once the assignment (or the care) ended before this care month.</summary>
    public bool Finished { get; set; }

    public AssignmentFraud Fraud { get; set; }

    /// <summary>The stop of this assignment must not be shortened by the municipality (FR15/FR14 set-up, or a municipal backlog).</summary>
    public bool MunicipalityIgnoresStop { get; set; }

    /// <summary>The fraud plan this assignment belongs to, if any.</summary>
    public FraudPlan? Plan { get; set; }

    /// <summary>Incremented whenever the assignment's future (stops, extension) is re-planned; stale actions see a different version.</summary>
    public int FateVersion { get; set; }

    /// <summary>Day of the last JW305/JW307 about this assignment: follow-ups come at least two working days later.</summary>
    public DateOnly LastRegieDay { get; set; }

    public DateOnly LastAssignDay { get; set; }

    /// <summary>A start with a wrong Begindatum waits for its correction (delete + resend).</summary>
    public bool PendingStartCorrection { get; set; }

    /// <summary>No longer counted as active care.</summary>
    public bool Ended { get; set; }
}

/// <summary>A prestatie as written in a JW323 and remembered for later credits.</summary>
internal sealed class Prestatie
{
    public required Assignment Assignment { get; init; }

    public required string ReferentieNummer { get; init; }

    public string? VorigReferentieNummer { get; init; }

    public required string ProductCode { get; init; }

    public required string ProductCategorie { get; init; }

    public required long ToewijzingNummer { get; init; }

    public required DateOnly Begin { get; init; }

    public required DateOnly End { get; init; }

    public required long Volume { get; init; }

    public required string Eenheid { get; init; }

    public long? Tarief { get; init; }

    public required long Bedrag { get; init; }

    public required bool Credit { get; init; }

    /// <summary>The care month of the declaration run that produced it (supplements and resends keep it).</summary>
    public DateOnly DeclaredFor { get; init; }

    /// <summary>The defect injected into this prestatie, if any (it will be rejected).</summary>
    public string? Defect { get; set; }

    public bool Credited { get; set; }

    public long Signed => Credit ? -Bedrag : Bedrag;
}
