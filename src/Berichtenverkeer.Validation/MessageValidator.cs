using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Schema;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Ijw.Reading;
using Berichtenverkeer.Validation.Rules;
using Berichtenverkeer.Validation.Schema;

namespace Berichtenverkeer.Validation;

/// <summary>
/// Validates one iJw message at control level 1 (XSD, streaming, no DTD, no external resources, bounded size)
/// and, only when that passes, at level 2 (every in-message rule of <see cref="RuleCatalog"/>).
/// Thread-safe: one instance serves the whole process.
/// </summary>
public sealed partial class MessageValidator(ValidatorOptions options)
{
    private readonly RuleCatalog _rules = RuleCatalog.Default;

    public MessageValidator()
        : this(new ValidatorOptions())
    {
    }

    public ValidatorOptions Options { get; } = options;

    public ValidationResult Validate(ReadOnlyMemory<byte> message)
    {
        if (message.Length > Options.MaxMessageBytes)
        {
            return TooLarge(message.Length);
        }

        // Read the caller's array in place: a copy of a 1 MB declaration lands on the large-object heap and brings
        // a gen-2 collection every few messages.
        using var stream = MemoryMarshal.TryGetArray(message, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(message.ToArray(), writable: false);
        return Validate(stream);
    }

    public ValidationResult ValidateFile(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > Options.MaxMessageBytes)
        {
            return TooLarge(length);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        return Validate(stream);
    }

    /// <summary>Validates a stream; a non-seekable stream is cut off as soon as it passes the size limit.</summary>
    public ValidationResult Validate(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > Options.MaxMessageBytes)
        {
            return TooLarge(stream.Length - stream.Position);
        }

        var level1 = ReadLevel1(new SizeLimitedStream(stream, Options.MaxMessageBytes));
        if (level1.Errors.Count > 0 || level1.Tree is null || level1.Type is null)
        {
            return new ValidationResult { Type = level1.Type, Errors = level1.Errors };
        }

        IjwMessage model;
        try
        {
            model = ModelReader.Read(level1.Type, level1.Tree);
        }
        catch (MessageFormatException ex)
        {
            return new ValidationResult { Type = level1.Type, Errors = [new ValidationError(1, null, 0, 0, "/", ex.Message)] };
        }

        return new ValidationResult
        {
            Type = level1.Type,
            Tree = level1.Tree,
            Message = model,
            Errors = Level2(model, level1.Tree),
        };
    }

    /// <summary>Runs only the level-2 rules on an already parsed message (used by tests and by the gateway after a replay).</summary>
    public IReadOnlyList<ValidationError> Level2(IjwMessage message, MessageNode tree)
    {
        var errors = new List<ValidationError>();
        foreach (var rule in _rules.For(message.Type))
        {
            foreach (var violation in rule.Check(message))
            {
                var node = Locate(tree, violation.Path);
                errors.Add(new ValidationError(2, rule.Code, node?.Line ?? 0, node?.Column ?? 0, violation.Path, $"{violation.Message} ({rule.Code})"));
            }
        }

        return errors;
    }

    private (MessageType? Type, MessageNode? Tree, List<ValidationError> Errors) ReadLevel1(Stream stream)
    {
        var errors = new List<ValidationError>();
        var tree = new MessageTreeReader();
        MessageType? type = null;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = Options.MaxMessageBytes,
            ValidationType = ValidationType.Schema,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
            Schemas = IjwSchemas.Set,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        XmlReader? current = null;
        settings.ValidationEventHandler += (_, e) =>
        {
            // A self-closing element is reported while the reader stands on it, before the tree has opened it.
            var path = current is { NodeType: XmlNodeType.Element, IsEmptyElement: true } empty
                ? $"{tree.CurrentPath}/{empty.LocalName}"
                : tree.CurrentPath;
            errors.Add(new ValidationError(1, null, e.Exception?.LineNumber ?? 0, e.Exception?.LinePosition ?? 0, path, Plain(e.Message)));
            if (errors.Count >= Options.MaxErrors)
            {
                throw new TooManyErrorsException();
            }
        };

        try
        {
            using var reader = XmlReader.Create(stream, settings);
            current = reader;
            reader.MoveToContent();
            type = MessageTypes.FromNamespace(reader.NamespaceURI);
            if (type is null || reader.LocalName != "Bericht")
            {
                var lineInfo = (IXmlLineInfo)reader;
                errors.Clear();
                errors.Add(new ValidationError(
                    1,
                    null,
                    lineInfo.LineNumber,
                    lineInfo.LinePosition,
                    "/" + reader.LocalName,
                    $"Unknown message type: root element '{reader.LocalName}' in namespace '{reader.NamespaceURI}' is not an iJw 3.2 Bericht."));
                return (null, null, errors);
            }

            var root = tree.Read(reader);
            CheckBerichtCode(type, root, errors);
            return (type, root, errors);
        }
        catch (TooManyErrorsException)
        {
            errors.Add(new ValidationError(1, null, 0, 0, tree.CurrentPath, $"Stopped after {Options.MaxErrors} errors."));
        }
        catch (MessageTooLargeException ex)
        {
            errors.Add(new ValidationError(1, "OP179", 0, 0, "/", ex.Message));
        }
        catch (XmlException ex)
        {
            errors.Add(new ValidationError(1, null, ex.LineNumber, ex.LinePosition, tree.CurrentPath, "Not well-formed XML: " + Plain(ex.Message)));
        }
        catch (MessageFormatException ex)
        {
            errors.Add(new ValidationError(1, null, 0, 0, tree.CurrentPath, ex.Message));
        }

        return (type, null, errors);
    }

    /// <summary>RS047: the XSD pattern rejects a wrong BerichtCode; we say plainly which message the code belongs to.</summary>
    private static void CheckBerichtCode(MessageType type, MessageNode root, List<ValidationError> errors)
    {
        var node = root.Child("Header")?.Child("BerichtCode");
        var code = node?.Text?.Trim();
        if (node is null || code == type.BerichtCode)
        {
            return;
        }

        errors.RemoveAll(e => e.Path == node.Path);
        var belongsTo = MessageTypes.All.FirstOrDefault(t => t.BerichtCode == code);
        var hint = belongsTo is null ? "no iJw message" : belongsTo.Name;
        errors.Add(new ValidationError(
            1,
            "RS047",
            node.Line,
            node.Column,
            node.Path,
            $"BerichtCode '{code}' does not match the message type {type.Name} of the root namespace (expected {type.BerichtCode}; '{code}' belongs to {hint})."));
    }

    private static ValidationResult TooLarge(long length) => new()
    {
        Errors = [new ValidationError(1, "OP179", 0, 0, "/", $"The message is {length} bytes, larger than the maximum this gateway accepts (OP179).")],
    };

    // A violation may name a field that is absent (e.g. a missing Einddatum): report at the nearest element that exists.
    private static MessageNode? Locate(MessageNode tree, string path)
    {
        for (var p = path; p.Length > 0; p = p[..p.LastIndexOf('/')])
        {
            if (tree.Find(p) is { } node)
            {
                return node;
            }
        }

        return tree;
    }

    /// <summary>Drops namespace URIs from .NET's schema messages: 'http://…/jw301/schema:Bsn' reads as 'Bsn'.</summary>
    /// <remarks>It also drops the offending value ("The value '999900061' is invalid …"): it may be a BSN, a name or an
    /// address, and errors end up in logs and reports. The element, datatype and failed facet stay in the message.</remarks>
    private static string Plain(string message) =>
        QuotedValue().Replace(NamespaceName().Replace(InNamespace().Replace(message, string.Empty), string.Empty), "${lead}");

    [GeneratedRegex(@"(?<lead>The (?:value|string)) '.*?'(?= is (?:invalid|not a valid))", RegexOptions.Singleline)]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"http://www\.istandaarden\.nl/ijw/3_2/(?:jw\d{3}|basisschema)/schema:")]
    private static partial Regex NamespaceName();

    [GeneratedRegex(@" in namespace 'http://www\.istandaarden\.nl/ijw/3_2/(?:jw\d{3}|basisschema)/schema'")]
    private static partial Regex InNamespace();

    private sealed class TooManyErrorsException : Exception;
}
