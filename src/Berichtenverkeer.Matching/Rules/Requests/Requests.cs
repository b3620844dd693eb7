using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;

namespace Berichtenverkeer.Matching.Rules.Requests;

/// <summary>Lookups the request rules share.</summary>
internal static class Requests
{
    /// <summary>TR374: an earlier request of this provider for this client at this municipality that is still pending.</summary>
    public static bool HasPending(MatchContext context, string bsn, IEnumerable<string> ownReferences)
    {
        var own = ownReferences.ToHashSet(StringComparer.Ordinal);
        return context.State.Requests.Any(r =>
            r.Agb == context.Agb && r.Gemeente == context.Gemeente && r.Bsn == bsn && !own.Contains(r.ReferentieAanbieder) && context.IsPending(r));
    }

    /// <summary>The assignment a VOW product refers to, if it is current for this client with this provider.</summary>
    public static AssignmentRecord? Current(MatchContext context, long toewijzingNummer)
    {
        var bsn = ((Jw317Message)context.Message).Client.Bsn;
        return context.Assignment(toewijzingNummer) is { } a && a.Bsn == bsn && a.IsCurrentOn(context.ReferenceDate) ? a : null;
    }
}
