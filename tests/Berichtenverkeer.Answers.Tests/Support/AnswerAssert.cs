using System.Text;
using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Ijw.Reading;
using Berichtenverkeer.Validation;

namespace Berichtenverkeer.Answers.Tests.Support;

/// <summary>Checks every generated answer the way a receiver would: OP192 format, then levels 1 and 2.</summary>
public static class AnswerAssert
{
    /// <summary>Asserts the physical format and validity at levels 1 and 2; returns the answer's element tree.</summary>
    public static MessageNode Valid(byte[] xml, MessageType expected)
    {
        Assert.False(xml.Length >= 3 && xml[0] == 0xEF && xml[1] == 0xBB && xml[2] == 0xBF, "answer starts with a byte-order mark");
        var text = Encoding.UTF8.GetString(xml);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith(">\r\n", text, StringComparison.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                Assert.True(i > 0 && text[i - 1] == '\r', $"bare LF at offset {i}");
            }
            else if (text[i] == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"bare CR at offset {i}");
            }
        }

        var prefix = $"jw{expected.Number}";
        Assert.Contains($"<{prefix}:Bericht xmlns:{prefix}=\"{expected.Namespace}\" xmlns:ijw=\"{MessageType.BasisNamespace}\">", text, StringComparison.Ordinal);

        ValidationResult result = Messages.Validator.Validate(xml);
        Assert.True(result.IsValid, $"generated {expected} is not valid:\n" + string.Join("\n", result.Errors.Select(e => $"L{e.Level} {e.Rule} {e.Path}: {e.Message}")) + "\n" + text);
        Assert.Equal(expected, result.Type);
        return result.Tree!;
    }

    /// <summary>Same elements, namespaces, order and text.</summary>
    public static void SameTree(MessageNode expected, MessageNode actual)
    {
        Assert.Equal(expected.Path, actual.Path);
        Assert.Equal(expected.Namespace, actual.Namespace);
        Assert.Equal(expected.Text, actual.Text);
        Assert.True(
            expected.Children.Count == actual.Children.Count,
            $"{expected.Path}: expected children [{Names(expected)}], got [{Names(actual)}]");
        for (var i = 0; i < expected.Children.Count; i++)
        {
            SameTree(expected.Children[i], actual.Children[i]);
        }
    }

    /// <summary>The RetourCode values of the RetourCodes block of <paramref name="node"/>; null when it has none.</summary>
    public static string[]? Codes(MessageNode node) =>
        node.Child("RetourCodes")?.ChildrenNamed("RetourCode").Select(c => c.Text!).ToArray();

    /// <summary>Asserts that <paramref name="node"/> ends with a RetourCodes block holding exactly <paramref name="codes"/>.</summary>
    public static void EndsWithCodes(MessageNode node, params string[] codes)
    {
        Assert.True(node.HasChildren, $"{node.Path} has no children");
        var last = node.Children[^1];
        Assert.True(last.Name == "RetourCodes", $"{node.Path}: last child is {last.Name}, not RetourCodes");
        Assert.Single(node.ChildrenNamed("RetourCodes"));
        Assert.Equal(codes, last.ChildrenNamed("RetourCode").Select(c => c.Text!).ToArray());
    }

    public static MessageNode At(MessageNode root, string path) =>
        root.Find(path) ?? throw new Xunit.Sdk.XunitException($"no element at {path}");

    private static string Names(MessageNode node) => string.Join(", ", node.Children.Select(c => c.Name));
}

/// <summary>Checks a retour against the heen-message it answers.</summary>
public static class RetourAssert
{
    /// <summary>
    /// <paramref name="answer"/> is <paramref name="heen"/> copied unchanged (names, order, text) with message elements moved to
    /// the retour namespace and basisschema elements kept; each class (per <paramref name="isClass"/>) ends with the codes
    /// <paramref name="expected"/> gives for its heen path, and nothing else was added. A JW325 echoes a prestatie at
    /// another place than the JW323 had it: <paramref name="samePath"/> false.
    /// </summary>
    public static void Copied(
        MessageNode heen,
        MessageNode answer,
        MessageType heenType,
        MessageType retourType,
        Func<MessageNode, bool>? isClass = null,
        Func<string, string[]>? expected = null,
        bool samePath = true)
    {
        if (samePath)
        {
            Assert.Equal(heen.Path, answer.Path);
        }

        Assert.Equal(heen.Name, answer.Name);
        Assert.Equal(heen.Namespace == heenType.Namespace ? retourType.Namespace : MessageType.BasisNamespace, answer.Namespace);
        Assert.Equal(heen.Text, answer.Text);
        var cls = isClass?.Invoke(heen) == true;
        Assert.True(
            heen.Children.Count + (cls ? 1 : 0) == answer.Children.Count,
            $"{heen.Path}: {heen.Children.Count} children in the heen-message, {answer.Children.Count} in the retour (class: {cls})");
        for (var i = 0; i < heen.Children.Count; i++)
        {
            Copied(heen.Children[i], answer.Children[i], heenType, retourType, isClass, expected, samePath);
        }

        if (cls)
        {
            AnswerAssert.EndsWithCodes(answer, expected!(heen.Path));
        }
    }

    /// <summary>Header items 1–7 copied (BerichtCode replaced), then the retour's own items in XSD order.</summary>
    public static void Header(MessageNode heen, MessageNode answer, MessageType heenType, MessageType retourType, RetourIdentity identity, params string[] codes)
    {
        var heenHeader = heen.Child("Header")!;
        var header = answer.Child("Header")!;
        string[] names =
        [
            "BerichtCode", "BerichtVersie", "BerichtSubversie", "Afzender", "Ontvanger", "BerichtIdentificatie", "XsdVersie",
            "IdentificatieRetour", "DagtekeningRetour", .. identity.XsltVersie is null ? Array.Empty<string>() : ["XsltVersie"],
            "XsdVersieRetour", .. codes.Length == 0 ? Array.Empty<string>() : ["RetourCodes"],
        ];
        Assert.Equal(names, header.Children.Select(c => c.Name).ToArray());
        Assert.Equal(retourType.BerichtCode, header.Child("BerichtCode")!.Text);
        for (var i = 1; i < 7; i++)
        {
            Copied(heenHeader.Children[i], header.Children[i], heenType, retourType);
        }

        Assert.Equal(identity.IdentificatieRetour, header.Child("IdentificatieRetour")!.Text);
        Assert.Equal(identity.DagtekeningRetour.ToString("yyyy-MM-dd"), header.Child("DagtekeningRetour")!.Text);
        Assert.Equal(identity.XsltVersie, header.Child("XsltVersie")?.Text);
        var xsd = header.Child("XsdVersieRetour")!;
        Assert.Equal(identity.XsdVersieRetour.BasisschemaXsdVersie, xsd.Child("BasisschemaXsdVersie")!.Text);
        Assert.Equal(identity.XsdVersieRetour.BerichtXsdVersie, xsd.Child("BerichtXsdVersie")!.Text);
        Assert.All(xsd.Children, c => Assert.Equal(MessageType.BasisNamespace, c.Namespace));
        if (codes.Length > 0)
        {
            AnswerAssert.EndsWithCodes(header, codes);
        }
    }
}
