using System.Text;
using System.Xml;

namespace Berichtenverkeer.Ijw.Reading;

/// <summary>
/// Builds a <see cref="MessageNode"/> tree from a (validating) XmlReader in one forward pass.
/// While it reads, <see cref="CurrentPath"/> names the element being read, so a validation callback can say where it is.
/// </summary>
public sealed class MessageTreeReader
{
    private readonly Stack<MessageNode> _open = new();
    private readonly StringBuilder _text = new();

    // A leaf nearly always holds one text node: its string is kept as is instead of being copied through _text.
    private string? _singleText;

    /// <summary>
    /// iJw messages nest at most 8 elements deep. Deeper input is refused at once: .NET's validating reader spends time
    /// quadratic in the depth of content it cannot place, so 100 000 nested elements (2 MB) would cost half a minute.
    /// </summary>
    public const int MaxDepth = 32;

    public MessageNode? Root { get; private set; }

    public string CurrentPath => _open.TryPeek(out var node) ? node.Path : "/";

    /// <summary>Reads <paramref name="reader"/> to the end and returns the root element.</summary>
    /// <remarks>The reader may already stand on the root element (after MoveToContent): that element is read too.</remarks>
    public MessageNode Read(XmlReader reader)
    {
        var lineInfo = reader as IXmlLineInfo;
        if (reader.NodeType == XmlNodeType.Element)
        {
            Open(reader, lineInfo);
        }

        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    Open(reader, lineInfo);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace:
                    // Only a leaf keeps its text, so once an element has a child its further text (the indentation
                    // between children) is never asked for: reading reader.Value would allocate a string per node.
                    if (_open.TryPeek(out var current) && !current.HasChildren)
                    {
                        AppendText(reader.Value);
                    }

                    break;
                case XmlNodeType.EndElement:
                    Close();
                    break;
            }
        }

        return Root ?? throw new MessageFormatException("The document has no root element.");
    }

    private void Open(XmlReader reader, IXmlLineInfo? lineInfo)
    {
        if (reader.Depth > MaxDepth)
        {
            throw new MessageFormatException($"Elements are nested more than {MaxDepth} deep (line {lineInfo?.LineNumber ?? 0}); no iJw message is.");
        }

        var parent = _open.TryPeek(out var p) ? p : null;
        ClearText();
        var node = new MessageNode(reader.LocalName, reader.NamespaceURI, lineInfo?.LineNumber ?? 0, lineInfo?.LinePosition ?? 0, parent);
        parent?.Add(node);
        Root ??= node;
        if (reader.IsEmptyElement)
        {
            node.Text = string.Empty;
            return;
        }

        _open.Push(node);
    }

    private void Close()
    {
        var node = _open.Pop();
        if (!node.HasChildren)
        {
            node.Text = _singleText ?? _text.ToString();
        }

        ClearText();
    }

    private void AppendText(string value)
    {
        if (_singleText is null && _text.Length == 0)
        {
            _singleText = value;
            return;
        }

        if (_singleText is not null)
        {
            _text.Append(_singleText);
            _singleText = null;
        }

        _text.Append(value);
    }

    private void ClearText()
    {
        _singleText = null;
        _text.Clear();
    }
}
