using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Ijw.Reading;

namespace Berichtenverkeer.Answers;

/// <summary>Shared checks and formats for answer messages.</summary>
internal static partial class AnswerXml
{
    public static readonly XsdVersie DefaultXsdVersie = new("1.0.0", "1.0.0");

    /// <summary>OP192: UTF-8 without byte-order mark, CR/LF line ends.</summary>
    public static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\r\n",
        NewLineHandling = NewLineHandling.Replace,
        CloseOutput = false,
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>LDT_IdentificatieBericht: 1–12 characters, at least one not white space (RS017, RS033).</summary>
    public static void CheckIdentificatie(string value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length is 0 or > 12 || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must be 1 to 12 characters and not blank (RS017, RS033); got '{value}'.", name);
        }
    }

    public static void CheckXsdVersie(XsdVersie versie, string name)
    {
        ArgumentNullException.ThrowIfNull(versie, name);
        CheckVersie(versie.BasisschemaXsdVersie, $"{name}.{nameof(versie.BasisschemaXsdVersie)}");
        CheckVersie(versie.BerichtXsdVersie, $"{name}.{nameof(versie.BerichtXsdVersie)}");
    }

    public static void CheckOptionalVersie(string? versie, string name)
    {
        if (versie is not null)
        {
            CheckVersie(versie, name);
        }
    }

    private static void CheckVersie(string? versie, string name)
    {
        if (versie is null || !Versie().IsMatch(versie))
        {
            throw new ArgumentException($"{name} must be a version major.minor.patch without leading zeros (RS048); got '{versie}'.", name);
        }
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Versie();
}

/// <summary>
/// Streams one answer message: the root <c>jwNNN:Bericht</c> declares the message prefix and <c>ijw</c>, every element is
/// written in the message namespace or (for children of a CDT) in the basisschema namespace.
/// </summary>
internal sealed class AnswerWriter : IDisposable
{
    private readonly XmlWriter _writer;
    private readonly string _prefix;
    private readonly string _namespace;

    public AnswerWriter(Stream output, MessageType type)
    {
        _writer = XmlWriter.Create(output, AnswerXml.Settings);
        _prefix = "jw" + AnswerXml.Number(type.Number);
        _namespace = type.Namespace;
    }

    public void StartBericht()
    {
        _writer.WriteStartDocument();
        _writer.WriteStartElement(_prefix, "Bericht", _namespace);
        _writer.WriteAttributeString("xmlns", _prefix, null, _namespace);
        _writer.WriteAttributeString("xmlns", "ijw", null, MessageType.BasisNamespace);
    }

    public void EndBericht()
    {
        _writer.WriteEndElement();
        _writer.WriteWhitespace("\r\n");
        _writer.WriteEndDocument();
        _writer.Flush();
    }

    public void Start(string name) => _writer.WriteStartElement(_prefix, name, _namespace);

    public void End() => _writer.WriteEndElement();

    public void Leaf(string name, string text)
    {
        _writer.WriteStartElement(_prefix, name, _namespace);
        _writer.WriteString(text);
        _writer.WriteEndElement();
    }

    public void BasisLeaf(string name, string text)
    {
        _writer.WriteStartElement("ijw", name, MessageType.BasisNamespace);
        _writer.WriteString(text);
        _writer.WriteEndElement();
    }

    public void RetourCodes(IEnumerable<string> codes)
    {
        Start("RetourCodes");
        foreach (var code in codes)
        {
            Leaf("RetourCode", code);
        }

        End();
    }

    public void XsdVersie(string name, XsdVersie versie)
    {
        Start(name);
        BasisLeaf("BasisschemaXsdVersie", versie.BasisschemaXsdVersie);
        BasisLeaf("BerichtXsdVersie", versie.BerichtXsdVersie);
        End();
    }

    public void BerichtIdentificatie(string name, string identificatie, string dagtekening)
    {
        Start(name);
        BasisLeaf("Identificatie", identificatie);
        BasisLeaf("Dagtekening", dagtekening);
        End();
    }

    /// <summary>
    /// Copies <paramref name="node"/> unchanged (every element, in order, with its original text) under <paramref name="name"/>,
    /// moving elements of <paramref name="sourceNamespace"/> to this message's namespace; basisschema elements keep theirs.
    /// <paramref name="retourCodes"/> is asked, when an element closes, for the RetourCodes that end it (null: none).
    /// </summary>
    public void Copy(MessageNode node, string name, string sourceNamespace, string namePath, Func<MessageNode, string, IReadOnlyList<string>?>? retourCodes)
    {
        if (node.Namespace == sourceNamespace)
        {
            _writer.WriteStartElement(_prefix, name, _namespace);
        }
        else if (node.Namespace == MessageType.BasisNamespace)
        {
            _writer.WriteStartElement("ijw", name, MessageType.BasisNamespace);
        }
        else
        {
            throw new ArgumentException($"{node.Path} is in namespace '{node.Namespace}', neither the message's ('{sourceNamespace}') nor the basisschema.", nameof(node));
        }

        if (node.HasChildren)
        {
            foreach (var child in node.Children)
            {
                Copy(child, child.Name, sourceNamespace, namePath + "/" + child.Name, retourCodes);
            }
        }
        else
        {
            _writer.WriteString(node.Text ?? string.Empty);
        }

        if (retourCodes?.Invoke(node, namePath) is { } codes)
        {
            RetourCodes(codes);
        }

        _writer.WriteEndElement();
    }

    public void Copy(MessageNode node, string sourceNamespace) => Copy(node, node.Name, sourceNamespace, node.Name, null);

    public void Dispose() => _writer.Dispose();
}
