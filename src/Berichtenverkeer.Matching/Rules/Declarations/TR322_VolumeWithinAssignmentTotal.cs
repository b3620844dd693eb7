using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Matching.Volume;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR322_VolumeWithinAssignmentTotal : AssignmentPrestatieRule
{
    public override string Code => "TR322";

    public override string Retourcode => "9322";

    public override string Description =>
        "All approved, not-credited debits on the assignment, this one included, stay within the total over its duration (§6.3).";

    protected override bool Holds(DeclaredPrestatie subject, AssignmentRecord assignment, MatchContext context)
    {
        if (assignment.Omvang is not { } omvang)
        {
            return true;
        }

        var p = subject.Prestatie;
        var standing = context.StandingDebits(p.ToewijzingNummer).ToList();
        long total = 0;
        foreach (var d in standing)
        {
            total += VolumeMath.InAssignmentScale(d.GeleverdVolume, d.Eenheid, omvang.Eenheid) ?? 0;
        }

        var declared = VolumeMath.InAssignmentScale(p.GeleverdVolume, p.Eenheid, omvang.Eenheid);
        if (declared is null)
        {
            return true;
        }

        var until = standing.Select(d => d.ProductPeriode.Einddatum).Append(p.ProductPeriode.Einddatum).Max();
        var max = VolumeMath.MaxForAssignment(omvang, assignment.Ingangsdatum, assignment.Einddatum, until);
        return total + declared <= VolumeMath.Scaled(max, omvang.Eenheid);
    }
}
