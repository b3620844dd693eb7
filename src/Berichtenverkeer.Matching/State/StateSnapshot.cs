namespace Berichtenverkeer.Matching.State;

/// <summary>
/// The part of the gateway's state one message is checked against, loaded for its <see cref="StateScope"/>.
/// While a message is evaluated, the engine adds what earlier classes of the same message established,
/// so "including this message" (TR074, TR322, TR389) needs no special case.
/// </summary>
public sealed class StateSnapshot
{
    /// <summary>An earlier message of the same type, sender and Identificatie (TR056), if any.</summary>
    public MessageRecord? SameIdentificatie { get; init; }

    /// <summary>All versions of assignments of this municipality with the message's ToewijzingNummers, and of its clients with this provider.</summary>
    public List<AssignmentRecord> Assignments { get; init; } = [];

    /// <summary>Starts and stops (deleted ones included) of the message's clients between this municipality and provider.</summary>
    public List<RegieRecord> Regie { get; init; } = [];

    /// <summary>Requests of this provider with the message's references, plus all requests for its clients at this municipality.</summary>
    public List<RequestRecord> Requests { get; init; } = [];

    /// <summary>Answers (JW319) between this municipality and provider on the references above.</summary>
    public List<AnswerRecord> Answers { get; init; } = [];

    /// <summary>An earlier declaration of this provider with the same DeclaratieNummer (TR333), if any.</summary>
    public DeclarationRecord? SameDeclaratieNummer { get; init; }

    /// <summary>The latest DeclaratiePeriode this provider declared to this municipality (TR318).</summary>
    public Ijw.Model.GeslotenPeriode? LatestDeclaratiePeriode { get; init; }

    /// <summary>Prestaties of this provider with the message's reference numbers, and on the message's assignments.</summary>
    public List<PrestatieRecord> Prestaties { get; init; } = [];

    /// <summary>For a JW325: the JW323 it answers (TR337) and that declaration's prestaties (TR366/TR367).</summary>
    public MessageRecord? AnsweredDeclaratieMessage { get; init; }

    public DeclarationRecord? AnsweredDeclaratie { get; init; }

    public List<PrestatieRecord> AnsweredPrestaties { get; init; } = [];
}
