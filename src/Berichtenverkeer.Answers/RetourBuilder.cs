using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Reading;
using Berichtenverkeer.Ijw.Verdicts;

namespace Berichtenverkeer.Answers;

/// <summary>What the retour says as a whole.</summary>
public enum RetourOutcome
{
    /// <summary>No errors: header only, without RetourCodes.</summary>
    Accepted,

    /// <summary>Level 2 failed: header only with 0001.</summary>
    TechnicallyRejected,

    /// <summary>Level 3/4 failure in the header: header only with the rule codes.</summary>
    HeaderRejected,

    /// <summary>Level 3/4 failure in one or more classes: header 0200 and the whole body with RetourCodes per class.</summary>
    ClassesRejected,
}

/// <summary>A retour message ready to send.</summary>
/// <param name="Type">The retour's message type (JW302 … JW320).</param>
/// <param name="Xml">UTF-8 without BOM, CR/LF line ends (OP192).</param>
/// <param name="HeaderRetourCodes">The codes in the header; empty when the message was accepted.</param>
public sealed record RetourAnswer(MessageType Type, byte[] Xml, RetourOutcome Outcome, IReadOnlyList<string> HeaderRetourCodes)
{
    /// <summary>True when the retour carries the copied Client / Antwoord.</summary>
    public bool HasBody => Outcome == RetourOutcome.ClassesRejected;
}

/// <summary>
/// Builds the retour on a JW301, 305, 307, 315, 317 or 319 (README §6.1, IV028, IV032, rules.md §10): the heen-header
/// copied unchanged with the retour's BerichtCode, the retour's own header fields, and — when a class was rejected — the
/// whole body copied unchanged with RetourCodes as the last child of every class. Streams over the received element tree.
/// </summary>
public static class RetourBuilder
{
    /// <param name="heen">Root element (<c>Bericht</c>) of the received message, as read by the validator.</param>
    /// <param name="heenType">The received message's type.</param>
    /// <param name="verdict">The outcome of levels 2–4 on that message.</param>
    /// <param name="identity">The retour's own identification, date and versions.</param>
    /// <exception cref="NoRetourException"><paramref name="heenType"/> has no retour (JW323, JW325, retours).</exception>
    /// <exception cref="ArgumentException">The tree is not a <paramref name="heenType"/> message, the identity is not valid, or a verdict path names no class of the message.</exception>
    public static RetourAnswer Build(MessageNode heen, MessageType heenType, Verdict verdict, RetourIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(heen);
        ArgumentNullException.ThrowIfNull(heenType);
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(identity);

        var retourType = MessageTypes.RetourFor(heenType) ?? throw NoRetourException.For(heenType);
        if (heen.Name != "Bericht" || heen.Namespace != heenType.Namespace)
        {
            throw new ArgumentException(
                $"Expected the root Bericht of a {heenType} message (namespace {heenType.Namespace}); got {heen.Name} in '{heen.Namespace}'.",
                nameof(heen));
        }

        identity.Validate();
        var layout = RetourLayout.For(heenType);
        var header = heen.Child("Header") ?? throw new ArgumentException($"The {heenType} message has no Header.", nameof(heen));

        IReadOnlyList<string> headerCodes;
        RetourOutcome outcome;
        MessageNode? body = null;
        ClassCodes? classCodes = null;
        if (verdict.TechnicallyRejected)
        {
            outcome = RetourOutcome.TechnicallyRejected;
            headerCodes = [Retourcode.Technisch];
        }
        else if (verdict.HeaderCodes.Count > 0)
        {
            outcome = RetourOutcome.HeaderRejected;
            headerCodes = verdict.HeaderCodes.Distinct(StringComparer.Ordinal).ToList();
        }
        else
        {
            body = heen.Child(layout.Body) ?? throw new ArgumentException($"The {heenType} message has no {layout.Body}.", nameof(heen));
            classCodes = new ClassCodes(heenType.Name, ClassPaths(body, layout.Body, layout), layout.ClassNames, verdict);
            outcome = classCodes.Any ? RetourOutcome.ClassesRejected : RetourOutcome.Accepted;
            headerCodes = classCodes.Any ? [Retourcode.Akkoord] : [];
        }

        using var buffer = new MemoryStream();
        using (var writer = new AnswerWriter(buffer, retourType))
        {
            writer.StartBericht();
            WriteHeader(writer, header, heenType, retourType, identity, headerCodes);
            if (outcome == RetourOutcome.ClassesRejected)
            {
                writer.Copy(
                    body!,
                    layout.Body,
                    heenType.Namespace,
                    layout.Body,
                    (node, namePath) => layout.Classes.Contains(namePath) ? classCodes!.RetourCodesOf(node.Path) : null);
            }

            writer.EndBericht();
        }

        return new RetourAnswer(retourType, buffer.ToArray(), outcome, headerCodes);
    }

    /// <summary>Header items 1–7 as received (BerichtCode replaced), then the retour's own items 8–12 (messages.md §1.2).</summary>
    private static void WriteHeader(
        AnswerWriter writer,
        MessageNode header,
        MessageType heenType,
        MessageType retourType,
        RetourIdentity identity,
        IReadOnlyList<string> codes)
    {
        writer.Start("Header");
        foreach (var item in header.Children)
        {
            if (item.Name == "BerichtCode")
            {
                writer.Leaf("BerichtCode", retourType.BerichtCode);
            }
            else
            {
                writer.Copy(item, heenType.Namespace);
            }
        }

        writer.Leaf("IdentificatieRetour", identity.IdentificatieRetour);
        writer.Leaf("DagtekeningRetour", AnswerXml.Date(identity.DagtekeningRetour));
        if (identity.XsltVersie is { } xslt)
        {
            writer.Leaf("XsltVersie", xslt);
        }

        writer.XsdVersie("XsdVersieRetour", identity.XsdVersieRetour);
        if (codes.Count > 0)
        {
            writer.RetourCodes(codes);
        }

        writer.End();
    }

    private static IEnumerable<string> ClassPaths(MessageNode node, string namePath, RetourLayout layout)
    {
        if (layout.Classes.Contains(namePath))
        {
            yield return node.Path;
        }

        foreach (var child in node.Children)
        {
            foreach (var path in ClassPaths(child, namePath + "/" + child.Name, layout))
            {
                yield return path;
            }
        }
    }
}
