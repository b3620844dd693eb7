using System.Text;
using System.Xml;

namespace Berichtenverkeer.Ijw.Reading;

/// <summary>
/// Builds a <see cref="MessageNode"/> tree from a (validating) XmlReader in one forward pass.
/// While it reads, <see cref="CurrentPath"/> names the element being read, so a validation callback can say where it is.
/// </summary>
public sealed class MessageTreeReader
{
    // The open elements, root first, and per open element the children read so far. The child lists are reused from
    // element to element and copied into an exact-size array when the element closes: growing a List per element
    // was a fifth of the tree's allocation on a 1,000-prestatie JW323, and the garbage collections it caused the
    // largest single cost of validation.
    private readonly List<MessageNode> _open = [];
    private readonly List<List<MessageNode>> _children = [];
    private readonly StringBuilder _text = new();

    // A leaf nearly always holds one text node: its string is kept as is instead of being copied through _text.
    private string? _singleText;

    /// <summary>
    /// iJw messages nest at most 8 elements deep. Deeper input is refused at once: .NET's validating reader spends time
    /// quadratic in the depth of content it cannot place, so 100 000 nested elements (2 MB) would cost half a minute.
    /// </summary>
    public const int MaxDepth = 32;

    public MessageNode? Root { get; private set; }

    /// <summary>The path of the element being read, with an index where an earlier sibling has the same name.</summary>
    /// <remarks>Built only when asked for (on an error), from the siblings read so far; nothing is cached on the nodes,
    /// whose paths can still change when a later sibling of the same name arrives.</remarks>
    public string CurrentPath
    {
        get
        {
            if (_open.Count == 0)
            {
                return "/";
            }

            var path = new StringBuilder();
            for (var depth = 0; depth < _open.Count; depth++)
            {
                path.Append('/').Append(_open[depth].PathSegment(depth == 0 ? null : _children[depth - 1]));
            }

            return path.ToString();
        }
    }

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
                    if (_open.Count > 0 && _children[_open.Count - 1].Count == 0)
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

        var parent = _open.Count > 0 ? _open[^1] : null;
        ClearText();
        var node = new MessageNode(reader.LocalName, reader.NamespaceURI, lineInfo?.LineNumber ?? 0, lineInfo?.LinePosition ?? 0, parent);
        if (parent is not null)
        {
            var siblings = _children[_open.Count - 1];

            // iJw types are sequences, so repeated elements stand next to each other: the last sibling decides the index.
            if (siblings.Count > 0 && siblings[^1].Name == node.Name)
            {
                node.Index = siblings[^1].Index + 1;
            }

            siblings.Add(node);
        }

        Root ??= node;
        if (reader.IsEmptyElement)
        {
            node.Text = string.Empty;
            return;
        }

        _open.Add(node);
        if (_children.Count < _open.Count)
        {
            _children.Add([]);
        }
    }

    private void Close()
    {
        var depth = _open.Count - 1;
        var node = _open[depth];
        var children = _children[depth];
        if (children.Count > 0)
        {
            node.SetChildren([.. children]);
            children.Clear();
        }
        else
        {
            node.Text = _singleText ?? _text.ToString();
        }

        _open.RemoveAt(depth);
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
