using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Answers;

/// <summary>How a received message is answered (README §4, §6).</summary>
public enum AnswerKind
{
    /// <summary>A retour (JW302, 306, 308, 316, 318, 320) built by <see cref="RetourBuilder"/>.</summary>
    Retour,

    /// <summary>A JW323 is answered by a JW325 built by <see cref="DeclaratieAntwoordBuilder"/>, not by a retour.</summary>
    DeclaratieAntwoord,

    /// <summary>Retours and JW325 are never answered.</summary>
    None,
}

/// <summary>Which answer a received message gets.</summary>
public static class AnswerRouting
{
    public static AnswerKind For(MessageType received)
    {
        ArgumentNullException.ThrowIfNull(received);
        if (received == MessageTypes.JW323)
        {
            return AnswerKind.DeclaratieAntwoord;
        }

        return MessageTypes.RetourFor(received) is null ? AnswerKind.None : AnswerKind.Retour;
    }
}

/// <summary>
/// Thrown when a retour is asked for a message that has none: a JW323 (answered by a JW325), a JW325 or a retour
/// (never answered). Check <see cref="AnswerRouting.For"/> first to avoid it.
/// </summary>
public sealed class NoRetourException : InvalidOperationException
{
    public NoRetourException()
    {
    }

    public NoRetourException(string message)
        : base(message)
    {
    }

    public NoRetourException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private NoRetourException(MessageType received, AnswerKind kind)
        : base(Explain(received, kind))
    {
        Received = received;
        Kind = kind;
    }

    /// <summary>The message for which a retour was asked; null when constructed without one.</summary>
    public MessageType? Received { get; }

    /// <summary>How <see cref="Received"/> is answered instead.</summary>
    public AnswerKind Kind { get; } = AnswerKind.None;

    internal static NoRetourException For(MessageType received) => new(received, AnswerRouting.For(received));

    private static string Explain(MessageType received, AnswerKind kind) => kind switch
    {
        AnswerKind.DeclaratieAntwoord =>
            $"{received} has no retour message: a declaration is answered by a JW325 (use DeclaratieAntwoordBuilder).",
        _ when received.IsRetour => $"{received} is a retour message; retours are never answered (README §6.1).",
        _ => $"{received} is never answered: no retour or answer message exists for it (README §2).",
    };
}
