using Berichtenverkeer.Matching.Engine;
using Berichtenverkeer.Matching.State;
using Berichtenverkeer.Matching.Volume;

namespace Berichtenverkeer.Matching.Rules.Declarations;

public sealed class TR321_VolumeWithinPeriodMaximum : AssignmentPrestatieRule
{
    public override string Code => "TR321";

    public override string Retourcode => "9321";

    public override string Description => "GeleverdVolume does not exceed the assigned maximum for its ProductPeriode (rules.md §6.2).";

    protected override bool Holds(DeclaredPrestatie subject, AssignmentRecord assignment, MatchContext context)
    {
        if (assignment.Omvang is not { } omvang)
        {
            return true;
        }

        var p = subject.Prestatie;
        var declared = VolumeMath.InAssignmentScale(p.GeleverdVolume, p.Eenheid, omvang.Eenheid);
        var max = VolumeMath.MaxForPeriod(omvang, assignment.Ingangsdatum, assignment.Einddatum, p.ProductPeriode);
        return declared is null || declared <= VolumeMath.Scaled(max, omvang.Eenheid);
    }
}
