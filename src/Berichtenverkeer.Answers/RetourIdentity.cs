using Berichtenverkeer.Ijw.Model;

namespace Berichtenverkeer.Answers;

/// <summary>
/// What the sender of a retour adds to the copied heen-header (messages.md §1.2): its own identification and date,
/// the versions of its retour XSDs and, when the official XSLT rule set was used, that version (IV028, IV033).
/// </summary>
/// <param name="IdentificatieRetour">Identification of the retour itself: 1–12 characters, not blank (RS017, RS033).</param>
/// <param name="DagtekeningRetour">Creation date of the retour (RS032).</param>
public sealed record RetourIdentity(string IdentificatieRetour, DateOnly DagtekeningRetour)
{
    /// <summary>BasisschemaXsdVersie and BerichtXsdVersie of the retour XSDs used (IV034); 1.0.0 / 1.0.0 by default.</summary>
    public XsdVersie XsdVersieRetour { get; init; } = AnswerXml.DefaultXsdVersie;

    /// <summary>Version of the official XSLT checks, written only when given (mandatory when the rejection rests on them).</summary>
    public string? XsltVersie { get; init; }

    internal void Validate()
    {
        AnswerXml.CheckIdentificatie(IdentificatieRetour, nameof(IdentificatieRetour));
        AnswerXml.CheckXsdVersie(XsdVersieRetour, nameof(XsdVersieRetour));
        AnswerXml.CheckOptionalVersie(XsltVersie, nameof(XsltVersie));
    }
}

/// <summary>
/// The JW325's own header data (messages.md §1.3): a JW325 is a heen-message of the municipality with its own
/// identification; Afzender and Ontvanger are taken from the answered JW323 (its Ontvanger and Afzender).
/// </summary>
/// <param name="Identificatie">BerichtIdentificatie/Identificatie of the JW325: 1–12 characters, not blank, unique per sender (TR056).</param>
/// <param name="Dagtekening">BerichtIdentificatie/Dagtekening of the JW325.</param>
public sealed record DeclaratieAntwoordIdentity(string Identificatie, DateOnly Dagtekening)
{
    /// <summary>XsdVersie of our own JW325 schemas (IV034); 1.0.0 / 1.0.0 by default.</summary>
    public XsdVersie XsdVersie { get; init; } = AnswerXml.DefaultXsdVersie;

    /// <summary>Version of the official XSLT checks, written only when given.</summary>
    public string? XsltVersie { get; init; }

    internal void Validate()
    {
        AnswerXml.CheckIdentificatie(Identificatie, nameof(Identificatie));
        AnswerXml.CheckXsdVersie(XsdVersie, nameof(XsdVersie));
        AnswerXml.CheckOptionalVersie(XsltVersie, nameof(XsltVersie));
    }
}
