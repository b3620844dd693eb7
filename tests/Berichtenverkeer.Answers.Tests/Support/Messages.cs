using System.Text;
using System.Xml.Linq;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Model;
using Berichtenverkeer.Ijw.Reading;
using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Answers.Tests.Support;

/// <summary>Test inputs: the samples, edited copies of them, and parsing through the real validator.</summary>
public static class Messages
{
    public static readonly MessageValidator Validator = new();

    public static readonly XNamespace Ijw = MessageType.BasisNamespace;

    public static byte[] Sample(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "valid", file));

    /// <summary>A sample changed by <paramref name="edit"/> (which gets the document and the message namespace).</summary>
    public static byte[] Edit(string file, Action<XDocument, XNamespace> edit)
    {
        using var input = new MemoryStream(Sample(file));
        var doc = XDocument.Load(input);
        edit(doc, doc.Root!.Name.Namespace);
        return Encoding.UTF8.GetBytes(doc.Declaration + "\r\n" + doc.ToString(SaveOptions.None));
    }

    /// <summary>Parses a heen-message that must be valid at levels 1 and 2.</summary>
    public static Received Parse(byte[] xml)
    {
        var result = Validator.Validate(xml);
        Assert.True(result.IsValid, "test input is not valid: " + string.Join("; ", result.Errors.Select(e => $"{e.Path}: {e.Message}")));
        return new Received(result.Type!, result.Tree!, result.Message!);
    }

    public static Received Parse(string xml) => Parse(Encoding.UTF8.GetBytes(xml));

    /// <summary>Parses a message that must pass level 1 but may fail level 2.</summary>
    public static Received ParseLevel1(string xml)
    {
        var result = Validator.Validate(Encoding.UTF8.GetBytes(xml));
        Assert.NotNull(result.Tree);
        return new Received(result.Type!, result.Tree!, result.Message!);
    }

    public static void SetText(this XElement element, string child, XNamespace ns, string value) => element.Element(ns + child)!.Value = value;
}

public sealed record Received(MessageType Type, MessageNode Tree, IjwMessage Message)
{
    public Jw323Message Declaratie => (Jw323Message)Message;
}
