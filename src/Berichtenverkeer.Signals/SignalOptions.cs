namespace Berichtenverkeer.Signals;

/// <summary>Common to every rule: switch it off. Thresholds default to the spec's starting points (fraud-signals.md §1).</summary>
public class RuleOptions
{
    public bool Enabled { get; set; } = true;
}

public sealed class Fr14Options : RuleOptions;

public sealed class Fr15Options : RuleOptions;

public sealed class Fr16Options : RuleOptions;

public sealed class Fr17Options : RuleOptions
{
    /// <summary>Days after the first declared ProductPeriode ends within which a JW305 must have arrived.</summary>
    public int StartWithinDays { get; set; } = 60;
}

public sealed class Fr18Options : RuleOptions;

public sealed class Fr19Options : RuleOptions
{
    /// <summary>OP271/OP272: start and stop within 5 working days.</summary>
    public int WorkingDays { get; set; } = 5;

    /// <summary>Back-filling: a late start sent at most this many days before the first declaration of the assignment (M).</summary>
    public int BackfillDays { get; set; } = 2;
}

public sealed class Fr20Options : RuleOptions;

public sealed class Fr21Options : RuleOptions
{
    public int AgeHigh { get; set; } = 18;

    public int AgeCritical { get; set; } = 23;
}

public sealed class Fr22Options : RuleOptions;

public sealed class Fr23Options : RuleOptions
{
    /// <summary>Distinct providers with paid care for one client in one month.</summary>
    public int MaxProviders { get; set; } = 4;

    /// <summary>Providers with the same ProductCategorie and overlapping ProductPeriode at once.</summary>
    public int SameCategorieProviders { get; set; } = 2;
}

public sealed class Fr24Options : RuleOptions
{
    public double HoursPerDay { get; set; } = 24;

    public double DagdelenPerDay { get; set; } = 6;
}

public sealed class Fr25Options : RuleOptions;

public sealed class Fr26Options : RuleOptions
{
    public double Utilisation { get; set; } = 0.98;

    public double ShareOfClientMonths { get; set; } = 0.90;

    public int ConsecutiveMonths { get; set; } = 3;

    /// <summary>"Near-zero variance": standard deviation of u over the window's client-months at most this.</summary>
    public double MaxStdDev { get; set; } = 0.02;

    /// <summary>Not in the spec: too few client-months say nothing (two clients at their maximum are normal).</summary>
    public int MinClientMonths { get; set; } = 6;
}

public sealed class Fr27Options : RuleOptions
{
    public double IdenticalShare { get; set; } = 0.80;

    public double RoundShare { get; set; } = 0.20;

    public double PeerQuantile { get; set; } = 0.95;

    public int MinClients { get; set; } = 5;
}

public sealed class Fr28Options : RuleOptions
{
    public int MinLines { get; set; } = 300;

    /// <summary>Nigrini's mean absolute deviation bound for first digits ("nonconformity").</summary>
    public double FirstDigitMad { get; set; } = 0.015;

    /// <summary>Chi-square critical value for 9 degrees of freedom at p = 0.01 (last digit uniform).</summary>
    public double LastDigitChiSquare { get; set; } = 21.67;
}

public sealed class Fr29Options : RuleOptions
{
    public double IqrFactor { get; set; } = 3;

    public double ZScore { get; set; } = 3;

    /// <summary>Peers (AGBs with the same ProductCode) needed before the comparison means anything.</summary>
    public int MinPeers { get; set; } = 5;

    /// <summary>Client-months an AGB needs for its own mean.</summary>
    public int MinClientMonths { get; set; } = 3;

    /// <summary>Not in the spec: distinct clients an AGB needs for its own mean (months of one client are not independent).</summary>
    public int MinClients { get; set; } = 5;
}

public sealed class Fr30Options : RuleOptions
{
    public double PeerQuantile { get; set; } = 0.90;

    /// <summary>Not in the spec: P90 alone flags a tenth of the peers by construction, so also require this margin over the median.</summary>
    public double MarginOverMedian { get; set; } = 0.25;

    public double RisePoints { get; set; } = 0.20;

    public int RiseMonths { get; set; } = 6;

    public int MinPeers { get; set; } = 5;

    public int MinPrestaties { get; set; } = 10;
}

/// <summary>A contract's inclusive product: the codes it covers must not be declared separately in one month (applies to every gemeente and AGB).</summary>
public sealed record Bundle(string ProductCategorie, string BundleCode, IReadOnlyList<string> CoveredCodes);

public sealed class Fr31Options : RuleOptions
{
    /// <summary>
    /// Bundles added to the bundle table of the reference data (bundels.csv); a bundle code named in both covers the codes of
    /// both. FR31 runs when either holds a bundle.
    /// </summary>
    public IReadOnlyList<Bundle> Bundles { get; set; } = [];
}

public sealed class Fr32Options : RuleOptions
{
    public double MedianFactor { get; set; } = 2.0;

    public int MedianMonths { get; set; } = 12;

    public double MonthOverMonth { get; set; } = 0.50;

    /// <summary>Not in the spec: months of history before the median comparison means anything.</summary>
    public int MinHistoryMonths { get; set; } = 2;

    /// <summary>Not in the spec: the growth month must have at least this many clients (1 → 3 clients is not growth).</summary>
    public int MinClients { get; set; } = 5;

    /// <summary>Not in the spec: the month-over-month test only from this many clients in the month before.</summary>
    public int MinClientsForMonthOverMonth { get; set; } = 20;

    public int NewEntrantMonths { get; set; } = 12;

    public double NewEntrantQuantile { get; set; } = 0.90;
}

public sealed class Fr33Options : RuleOptions
{
    /// <summary>Amber from this share of the budget (VNG art. 1.5.7: at 70% the opdrachtgever reports in writing).</summary>
    public double Warning { get; set; } = 0.70;

    /// <summary>Red from this share: no payment above the bestedingsruimte without a written adjustment.</summary>
    public double Escalate { get; set; } = 1.00;

    /// <summary>Without a budget in the reference data: derive one from last year's approved net turnover.</summary>
    public bool DeriveBudgets { get; set; } = true;

    /// <summary>Regional practice: 80% of last year's turnover is budgeted per provider, 20% kept in reserve.</summary>
    public double DerivedBudgetShare { get; set; } = 0.80;

    /// <summary>Months before the month of the colour whose undeclared assigned volume still counts as open (the month is declared the month after).</summary>
    public int OpenMonthsBeforeAsOf { get; set; } = 1;

    /// <summary>Red with the net paid part alone at or above the budget: the spec's escalation.</summary>
    public Severity RedSeverity { get; set; } = Severity.H;

    /// <summary>Red only through value assigned but not yet declared: a forecast, informative.</summary>
    public Severity ForecastRedSeverity { get; set; } = Severity.L;

    /// <summary>The spec's 70% "warning event" is informative: L, the lowest step of the scale.</summary>
    public Severity AmberSeverity { get; set; } = Severity.L;

    public Severity GreenSeverity { get; set; } = Severity.L;

    /// <summary>A colour change names at most this many of the messages that moved it.</summary>
    public int MaxEvidenceMessages { get; set; } = 50;
}

public sealed class Fr34Options : RuleOptions
{
    public int MinClients { get; set; } = 5;

    public double CaseloadShare { get; set; } = 0.30;

    /// <summary>Not in the spec: the caseload-share branch needs at least this many clients (1 of 3 is not a migration).</summary>
    public int MinClientsForShare { get; set; } = 3;

    public int WithinDays { get; set; } = 30;

    public IReadOnlyList<string> Reasons { get; set; } = ["38", "33"];
}

public sealed class Fr35Options : RuleOptions
{
    public double Jaccard { get; set; } = 0.30;

    /// <summary>Not in the spec: small caseloads share a client or two by chance.</summary>
    public int MinSharedClients { get; set; } = 5;
}

public sealed class Fr36Options : RuleOptions
{
    /// <summary>
    /// Not in the spec's words but in its intent: an Einddatum extension issued before the old end, covering no care
    /// already declared, is a reassessment (RedenWijziging 04) and not counted unless this is set.
    /// </summary>
    public bool CountForwardExtensions { get; set; }

    public int BackdateDays { get; set; } = 90;

    public int DeclaredWithinDays { get; set; } = 30;
}

public sealed class TrRateOptions : RuleOptions
{
    /// <summary>Share of a provider's prestaties rejected on level 3 in the period.</summary>
    public double Rate { get; set; } = 0.05;

    public double HighRate { get; set; } = 0.20;

    public int MinPrestaties { get; set; } = 20;
}

/// <summary>One options class per rule.</summary>
public sealed class SignalOptions
{
    public Fr14Options Fr14 { get; set; } = new();

    public Fr15Options Fr15 { get; set; } = new();

    public Fr16Options Fr16 { get; set; } = new();

    public Fr17Options Fr17 { get; set; } = new();

    public Fr18Options Fr18 { get; set; } = new();

    public Fr19Options Fr19 { get; set; } = new();

    public Fr20Options Fr20 { get; set; } = new();

    public Fr21Options Fr21 { get; set; } = new();

    public Fr22Options Fr22 { get; set; } = new();

    public Fr23Options Fr23 { get; set; } = new();

    public Fr24Options Fr24 { get; set; } = new();

    public Fr25Options Fr25 { get; set; } = new();

    public Fr26Options Fr26 { get; set; } = new();

    public Fr27Options Fr27 { get; set; } = new();

    public Fr28Options Fr28 { get; set; } = new();

    public Fr29Options Fr29 { get; set; } = new();

    public Fr30Options Fr30 { get; set; } = new();

    public Fr31Options Fr31 { get; set; } = new();

    public Fr32Options Fr32 { get; set; } = new();

    public Fr33Options Fr33 { get; set; } = new();

    public Fr34Options Fr34 { get; set; } = new();

    public Fr35Options Fr35 { get; set; } = new();

    public Fr36Options Fr36 { get; set; } = new();

    public TrRateOptions TrRate { get; set; } = new();
}
