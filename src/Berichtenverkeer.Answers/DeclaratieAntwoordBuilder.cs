using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Ijw.Reading;
using Berichtenverkeer.Ijw.Verdicts;

namespace Berichtenverkeer.Answers;

/// <summary>
/// Builds the JW325 declaration answer on a JW323 (README §6.2, IV087, IV088, OP303, OP304): a heen-message of the
/// municipality that refers to the declaration, states the granted total and echoes only the rejected prestaties
/// (with their clients), so that TR342 holds: Σ signed echoed IngediendBedrag = signed TotaalIngediend − signed TotaalToegekend.
/// </summary>
public static class DeclaratieAntwoordBuilder
{
    private static readonly IReadOnlySet<string> ClassNames = new HashSet<string>(StringComparer.Ordinal) { "Declaratie", "Client", "Prestatie" };

    /// <param name="declaratie">The answered JW323 as read by the validator.</param>
    /// <param name="verdict">The outcome of levels 2–4 on it; class paths are those of the JW323.</param>
    /// <param name="identity">The JW325's own identification, date and versions.</param>
    /// <param name="declaratieTree">
    /// The JW323's element tree. When given, the echoed values (DeclaratieIdentificatie, XsdVersieDeclaratie,
    /// TotaalIngediendBedrag, prestaties) are copied with their original text; otherwise they are written from the model.
    /// </param>
    /// <exception cref="ArgumentException">The identity is not valid, the tree is not that JW323, or a verdict path names no class of it.</exception>
    /// <exception cref="InvalidOperationException">
    /// The JW323's TotaalIngediendBedrag is not the signed sum of its prestaties (TR358, a level-2 rule) while the verdict
    /// does not reject it technically: no JW325 satisfying TR342 exists.
    /// </exception>
    public static Jw325Answer Build(Jw323Message declaratie, Verdict verdict, DeclaratieAntwoordIdentity identity, MessageNode? declaratieTree = null)
    {
        ArgumentNullException.ThrowIfNull(declaratie);
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(identity);
        identity.Validate();
        var source = new Jw323Source(declaratie, declaratieTree);
        var decl = declaratie.Declaratie;
        var ingediend = decl.TotaalIngediendBedrag.Signed;
        var prestaties = decl.Clienten.Sum(c => c.Prestaties.Count);

        DeclaratieTotals NothingGranted() => new()
        {
            IngediendSigned = ingediend,
            ToegekendSigned = 0,
            Clienten = decl.Clienten.Count,
            Prestaties = prestaties,
            PrestatiesToegekend = 0,
            ClientenEchoed = 0,
            PrestatiesEchoed = 0,
        };

        if (verdict.TechnicallyRejected)
        {
            return Write(source, identity, DeclaratieOutcome.TechnicallyRejected, [Retourcode.Technisch], null, [], NothingGranted());
        }

        if (verdict.HeaderCodes.Count > 0)
        {
            var codes = verdict.HeaderCodes.Distinct(StringComparer.Ordinal).ToList();
            return Write(source, identity, DeclaratieOutcome.HeaderRejected, codes, null, [], NothingGranted());
        }

        var classes = new ClassCodes(
            "JW323",
            [decl.Path, .. decl.Clienten.Select(c => c.Path), .. decl.Prestaties.Select(p => p.Path)],
            ClassNames,
            verdict);

        var declaratieCodes = classes.RejectionOf(decl.Path);
        if (declaratieCodes.Count > 0)
        {
            return Write(source, identity, DeclaratieOutcome.DeclarationRejected, [Retourcode.Akkoord], declaratieCodes, [], NothingGranted());
        }

        var echoed = new List<EchoedClient>();
        long granted = 0;
        long rejected = 0;
        var grantedCount = 0;
        foreach (var client in decl.Clienten)
        {
            var clientCodes = classes.RejectionOf(client.Path);
            var echoedPrestaties = new List<EchoedPrestatie>();
            foreach (var prestatie in client.Prestaties)
            {
                // A rejected client takes all its prestaties with it; they were not judged on their own (0233).
                IReadOnlyList<string> codes = clientCodes.Count > 0 ? [Retourcode.NietBeoordeeld] : classes.RejectionOf(prestatie.Path);
                if (codes.Count > 0)
                {
                    echoedPrestaties.Add(new EchoedPrestatie(prestatie, codes));
                    rejected += prestatie.IngediendBedrag.Signed;
                }
                else
                {
                    granted += prestatie.IngediendBedrag.Signed;
                    grantedCount++;
                }
            }

            if (echoedPrestaties.Count > 0)
            {
                echoed.Add(new EchoedClient(client, clientCodes.Count > 0 ? clientCodes : [Retourcode.Akkoord], echoedPrestaties));
            }
        }

        if (rejected != ingediend - granted)
        {
            throw new InvalidOperationException(
                $"JW323 {decl.DeclaratieNummer}: TotaalIngediendBedrag ({ingediend}) is not the signed sum of its prestaties ({granted + rejected}); " +
                "that breaks TR358 (level 2), so the answer must be a technical rejection (Verdict.TechnicallyRejected) — no JW325 can satisfy TR342.");
        }

        var totals = new DeclaratieTotals
        {
            IngediendSigned = ingediend,
            ToegekendSigned = granted,
            Clienten = decl.Clienten.Count,
            Prestaties = prestaties,
            PrestatiesToegekend = grantedCount,
            ClientenEchoed = echoed.Count,
            PrestatiesEchoed = echoed.Sum(c => c.Prestaties.Count),
        };

        return echoed.Count == 0
            ? Write(source, identity, DeclaratieOutcome.FullyGranted, [Retourcode.Akkoord], [Retourcode.VolledigToegekend], [], totals)
            : Write(source, identity, DeclaratieOutcome.PartiallyGranted, [Retourcode.Akkoord], [Retourcode.Akkoord], echoed, totals);
    }

    private static Jw325Answer Write(
        Jw323Source source,
        DeclaratieAntwoordIdentity identity,
        DeclaratieOutcome outcome,
        IReadOnlyList<string> headerCodes,
        IReadOnlyList<string>? antwoordCodes,
        IReadOnlyList<EchoedClient> clienten,
        DeclaratieTotals totals)
    {
        using var buffer = new MemoryStream();
        using (var writer = new AnswerWriter(buffer, MessageTypes.JW325))
        {
            writer.StartBericht();
            WriteHeader(writer, source, identity, headerCodes);
            if (antwoordCodes is not null)
            {
                writer.Start("DeclaratieAntwoord");
                writer.Leaf("DeclaratieNummer", source.Message.Declaratie.DeclaratieNummer);
                source.WriteTotaalIngediendBedrag(writer);
                var toegekend = totals.TotaalToegekendBedrag;
                writer.Start("TotaalToegekendBedrag");
                writer.BasisLeaf("TotaalBedrag", AnswerXml.Number(toegekend.Waarde));
                writer.BasisLeaf("DebetCredit", toegekend.DebetCredit);
                writer.End();
                if (clienten.Count > 0)
                {
                    writer.Start("Clienten");
                    foreach (var client in clienten)
                    {
                        writer.Start("Client");
                        writer.Leaf("Bsn", client.Client.Bsn);
                        writer.Start("Prestaties");
                        foreach (var prestatie in client.Prestaties)
                        {
                            source.WritePrestatie(writer, prestatie.Prestatie, prestatie.Codes);
                        }

                        writer.End();
                        writer.RetourCodes(client.Codes);
                        writer.End();
                    }

                    writer.End();
                }

                writer.RetourCodes(antwoordCodes);
                writer.End();
            }

            writer.EndBericht();
        }

        return new Jw325Answer(buffer.ToArray(), outcome, headerCodes, antwoordCodes, totals);
    }

    /// <summary>messages.md §1.3: items 1–7 of the JW325 itself, then DeclaratieIdentificatie, XsltVersie, XsdVersieDeclaratie, RetourCodes.</summary>
    private static void WriteHeader(AnswerWriter writer, Jw323Source source, DeclaratieAntwoordIdentity identity, IReadOnlyList<string> codes)
    {
        var heen = source.Message.Header;
        writer.Start("Header");
        writer.Leaf("BerichtCode", MessageTypes.JW325.BerichtCode);
        writer.Leaf("BerichtVersie", "3");
        writer.Leaf("BerichtSubversie", "2");
        writer.Leaf("Afzender", heen.Ontvanger);
        writer.Leaf("Ontvanger", heen.Afzender);
        writer.BerichtIdentificatie("BerichtIdentificatie", identity.Identificatie, AnswerXml.Date(identity.Dagtekening));
        writer.XsdVersie("XsdVersie", identity.XsdVersie);
        source.WriteDeclaratieIdentificatie(writer);
        if (identity.XsltVersie is { } xslt)
        {
            writer.Leaf("XsltVersie", xslt);
        }

        source.WriteXsdVersieDeclaratie(writer);
        writer.RetourCodes(codes);
        writer.End();
    }

    private sealed record EchoedPrestatie(Prestatie Prestatie, IReadOnlyList<string> Codes);

    private sealed record EchoedClient(DeclaratieClient Client, IReadOnlyList<string> Codes, IReadOnlyList<EchoedPrestatie> Prestaties);

    /// <summary>The JW323 values a JW325 repeats: copied from the element tree when there is one, else written from the model.</summary>
    private sealed class Jw323Source
    {
        private static readonly string Jw323Namespace = MessageTypes.JW323.Namespace;
        private readonly MessageNode? _header;
        private readonly MessageNode? _declaratie;
        private readonly Dictionary<string, MessageNode>? _prestaties;

        public Jw323Source(Jw323Message message, MessageNode? tree)
        {
            Message = message;
            if (tree is null)
            {
                return;
            }

            if (tree.Name != "Bericht" || tree.Namespace != Jw323Namespace)
            {
                throw new ArgumentException($"Expected the root Bericht of a JW323 message; got {tree.Name} in '{tree.Namespace}'.", nameof(tree));
            }

            _header = tree.Child("Header") ?? throw new ArgumentException("The JW323 tree has no Header.", nameof(tree));
            _declaratie = tree.Child("Declaratie") ?? throw new ArgumentException("The JW323 tree has no Declaratie.", nameof(tree));
            _prestaties = _declaratie.List("Clienten", "Client")
                .SelectMany(c => c.List("Prestaties", "Prestatie"))
                .ToDictionary(p => ClassCodes.Normalize(p.Path), StringComparer.Ordinal);
        }

        public Jw323Message Message { get; }

        public void WriteDeclaratieIdentificatie(AnswerWriter writer)
        {
            if (_header?.Child("BerichtIdentificatie") is { } node)
            {
                writer.Copy(node, "DeclaratieIdentificatie", Jw323Namespace, string.Empty, null);
                return;
            }

            var id = Message.Header.BerichtIdentificatie;
            writer.BerichtIdentificatie("DeclaratieIdentificatie", id.Identificatie, AnswerXml.Date(id.Dagtekening));
        }

        public void WriteXsdVersieDeclaratie(AnswerWriter writer)
        {
            if (_header?.Child("XsdVersie") is { } node)
            {
                writer.Copy(node, "XsdVersieDeclaratie", Jw323Namespace, string.Empty, null);
                return;
            }

            writer.XsdVersie("XsdVersieDeclaratie", Message.Header.XsdVersie);
        }

        public void WriteTotaalIngediendBedrag(AnswerWriter writer)
        {
            if (_declaratie?.Child("TotaalIngediendBedrag") is { } node)
            {
                writer.Copy(node, Jw323Namespace);
                return;
            }

            var totaal = Message.Declaratie.TotaalIngediendBedrag;
            writer.Start("TotaalIngediendBedrag");
            writer.BasisLeaf("TotaalBedrag", AnswerXml.Number(totaal.Waarde));
            writer.BasisLeaf("DebetCredit", totaal.DebetCredit);
            writer.End();
        }

        /// <summary>The prestatie with the values of the declaration (TR367) and its RetourCodes as last child.</summary>
        public void WritePrestatie(AnswerWriter writer, Prestatie prestatie, IReadOnlyList<string> codes)
        {
            if (_prestaties is not null)
            {
                var node = _prestaties.GetValueOrDefault(ClassCodes.Normalize(prestatie.Path))
                    ?? throw new ArgumentException($"The JW323 tree has no prestatie at {prestatie.Path}: tree and model are not the same message.", "declaratieTree");
                writer.Copy(node, "Prestatie", Jw323Namespace, "Prestatie", (_, namePath) => namePath == "Prestatie" ? codes : null);
                return;
            }

            writer.Start("Prestatie");
            writer.Start("ProductReferentie");
            writer.BasisLeaf("ReferentieNummer", prestatie.ReferentieNummer);
            if (prestatie.VorigReferentieNummer is { } vorig)
            {
                writer.BasisLeaf("VorigReferentieNummer", vorig);
            }

            writer.End();
            writer.Leaf("ToewijzingNummer", AnswerXml.Number(prestatie.ToewijzingNummer));
            writer.Leaf("ProductCategorie", prestatie.ProductCategorie);
            writer.Leaf("ProductCode", prestatie.ProductCode);
            writer.Start("ProductPeriode");
            writer.BasisLeaf("Begindatum", AnswerXml.Date(prestatie.ProductPeriode.Begindatum));
            writer.BasisLeaf("Einddatum", AnswerXml.Date(prestatie.ProductPeriode.Einddatum));
            writer.End();
            writer.Leaf("GeleverdVolume", AnswerXml.Number(prestatie.GeleverdVolume));
            writer.Leaf("Eenheid", prestatie.Eenheid);
            if (prestatie.ProductTarief is { } tarief)
            {
                writer.Leaf("ProductTarief", AnswerXml.Number(tarief));
            }

            writer.Start("IngediendBedrag");
            writer.BasisLeaf("Bedrag", AnswerXml.Number(prestatie.IngediendBedrag.Waarde));
            writer.BasisLeaf("DebetCredit", prestatie.IngediendBedrag.DebetCredit);
            writer.End();
            writer.RetourCodes(codes);
            writer.End();
        }
    }
}
