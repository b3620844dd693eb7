using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Validation.Rules.Requests;

/// <summary>CD066–CD068 on AangevraagdProduct/Verwijzer (OP297): care professionals are named by AGB code or by name, never both.</summary>
public abstract class VerwijzerRule : InMessageRule
{
    /// <summary>Referrer types 02–05 (GP, youth doctor, certified institution, medical specialist) are professionals.</summary>
    protected static bool IsProfessional(Ijw.Model.Verwijzer v) => v.Type is "02" or "03" or "04" or "05";

    protected abstract string? Problem(Ijw.Model.Verwijzer verwijzer);

    public override IEnumerable<Violation> Check(IjwMessage message) =>
        message is Jw315Message m
            ? m.Client.AangevraagdeProducten
                .Select(p => (p, problem: Problem(p.Verwijzer)))
                .Where(x => x.problem is not null)
                .Select(x => At(x.p, "Verwijzer", x.problem!))
            : [];
}
