using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Answers;

/// <summary>What a JW325 says about the declaration as a whole (README §6.2).</summary>
public enum DeclaratieOutcome
{
    /// <summary>Level 2 failed: header 0001, no DeclaratieAntwoord; the declaration counts as not received.</summary>
    TechnicallyRejected,

    /// <summary>Level 3/4 failure in the header: header with the rule codes, no DeclaratieAntwoord.</summary>
    HeaderRejected,

    /// <summary>Level 3/4 failure on class Declaratie: DeclaratieAntwoord with the codes, nothing granted, nothing echoed.</summary>
    DeclarationRejected,

    /// <summary>Every prestatie granted: DeclaratieAntwoord 8001, nothing echoed.</summary>
    FullyGranted,

    /// <summary>One or more prestaties rejected (possibly all): DeclaratieAntwoord 0200, the rejected ones echoed.</summary>
    PartiallyGranted,
}

/// <summary>
/// The figures behind a JW325, for reconciliation with the municipality's own administration. Signed amounts are in
/// euro cents, debit positive and credit negative. When the declaration is rejected as a whole (or not received:
/// level 2 or header), nothing is granted and every prestatie counts as rejected.
/// </summary>
public sealed record DeclaratieTotals
{
    /// <summary>Signed TotaalIngediendBedrag of the JW323.</summary>
    public required long IngediendSigned { get; init; }

    /// <summary>Signed TotaalToegekendBedrag: the signed sum of the granted prestaties.</summary>
    public required long ToegekendSigned { get; init; }

    /// <summary>Signed amount not granted: <see cref="IngediendSigned"/> − <see cref="ToegekendSigned"/>.</summary>
    public long AfgewezenSigned => IngediendSigned - ToegekendSigned;

    public required int Clienten { get; init; }

    public required int Prestaties { get; init; }

    public required int PrestatiesToegekend { get; init; }

    public int PrestatiesAfgewezen => Prestaties - PrestatiesToegekend;

    /// <summary>Clients echoed in the JW325 (those with a rejected prestatie or rejected themselves).</summary>
    public required int ClientenEchoed { get; init; }

    /// <summary>Prestaties echoed in the JW325 (the rejected ones, unless the declaration was rejected as a whole).</summary>
    public required int PrestatiesEchoed { get; init; }

    /// <summary>TotaalToegekendBedrag as written: amount and D/C (0 is D, CS325).</summary>
    public Bedrag TotaalToegekendBedrag => ToBedrag(ToegekendSigned);

    internal static Bedrag ToBedrag(long signed) =>
        new(Math.Abs(signed), signed < 0 ? DebetCredit.Credit : DebetCredit.Debet);
}

/// <summary>A JW325 ready to send.</summary>
/// <param name="Xml">UTF-8 without BOM, CR/LF line ends (OP192).</param>
/// <param name="HeaderRetourCodes">The header's RetourCodes (always at least one).</param>
/// <param name="DeclaratieAntwoordRetourCodes">The DeclaratieAntwoord's RetourCodes; null when the message has no DeclaratieAntwoord.</param>
public sealed record Jw325Answer(
    byte[] Xml,
    DeclaratieOutcome Outcome,
    IReadOnlyList<string> HeaderRetourCodes,
    IReadOnlyList<string>? DeclaratieAntwoordRetourCodes,
    DeclaratieTotals Totals);
