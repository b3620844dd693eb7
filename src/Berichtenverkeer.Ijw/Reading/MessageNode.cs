using System.Globalization;
using System.Text;

namespace Berichtenverkeer.Ijw.Reading;

/// <summary>
/// One element of an iJw message as read from the wire: name, text, position and children.
/// The typed model is mapped from it, and retours copy it unchanged (IV028), so it keeps the original text.
/// </summary>
public sealed class MessageNode(string name, string namespaceUri, int line, int column, MessageNode? parent)
{
    private List<MessageNode>? _children;
    private string? _path;

    public string Name { get; } = name;

    public string Namespace { get; } = namespaceUri;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public MessageNode? Parent { get; } = parent;

    /// <summary>The element's text for a leaf element; null for an element with children.</summary>
    public string? Text { get; internal set; }

    public IReadOnlyList<MessageNode> Children => _children is null ? [] : _children;

    public bool HasChildren => _children is { Count: > 0 };

    /// <summary>1-based position among siblings of the same name.</summary>
    public int Index { get; private set; } = 1;

    /// <summary>
    /// Element path with a [n] index on repeated elements, e.g. /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2].
    /// Rule violations and retour codes are keyed by it.
    /// </summary>
    public string Path => _path ??= BuildPath();

    internal void Add(MessageNode child)
    {
        _children ??= [];

        // iJw types are sequences, so repeated elements stand next to each other: the last sibling decides the index.
        if (_children.Count > 0 && _children[^1].Name == child.Name)
        {
            child.Index = _children[^1].Index + 1;
        }

        _children.Add(child);
    }

    public MessageNode? Child(string childName)
    {
        if (_children is null)
        {
            return null;
        }

        foreach (var child in _children)
        {
            if (child.Name == childName)
            {
                return child;
            }
        }

        return null;
    }

    public IEnumerable<MessageNode> ChildrenNamed(string childName) =>
        _children is null ? [] : _children.Where(c => c.Name == childName);

    /// <summary>Children of the wrapper <paramref name="listName"/> named <paramref name="itemName"/>; empty when the wrapper is absent.</summary>
    public IEnumerable<MessageNode> List(string listName, string itemName) =>
        Child(listName)?.ChildrenNamed(itemName) ?? [];

    public IEnumerable<MessageNode> DescendantsAndSelf()
    {
        yield return this;
        if (_children is null)
        {
            yield break;
        }

        foreach (var child in _children)
        {
            foreach (var node in child.DescendantsAndSelf())
            {
                yield return node;
            }
        }
    }

    public MessageNode? Find(string path) => DescendantsAndSelf().FirstOrDefault(n => n.Path == path);

    public string Required(string childName) =>
        Child(childName)?.Text ?? throw new MessageFormatException($"{Path}/{childName} is missing.");

    public string? Optional(string childName) => Child(childName)?.Text;

    public MessageNode RequiredNode(string childName) =>
        Child(childName) ?? throw new MessageFormatException($"{Path}/{childName} is missing.");

    public long Long(string childName) => ParseLong(Required(childName), childName);

    public long? OptionalLong(string childName) => Optional(childName) is { } text ? ParseLong(text, childName) : null;

    public int Int(string childName) => checked((int)Long(childName));

    public DateOnly Date(string childName) => ParseDate(Required(childName), childName);

    public DateOnly? OptionalDate(string childName) => Optional(childName) is { } text ? ParseDate(text, childName) : null;

    public TimeOnly Time(string childName)
    {
        var text = Required(childName).Trim();
        return TimeOnly.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new MessageFormatException($"{Path}/{childName}: '{text}' is not a time of day.");
    }

    // xs:integer allows a sign and leading zeros ("+007"); the XSD has already excluded negatives.
    private long ParseLong(string text, string childName) =>
        long.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new MessageFormatException($"{Path}/{childName}: '{text}' is not a whole number.");

    // xs:date also admits years beyond 9999 and negative years; iJw dates are yyyy-MM-dd.
    private DateOnly ParseDate(string text, string childName) =>
        DateOnly.TryParseExact(text.AsSpan().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new MessageFormatException($"{Path}/{childName}: '{text}' is not a date of the form yyyy-MM-dd.");

    private string BuildPath()
    {
        var parts = new Stack<MessageNode>();
        for (var node = this; node is not null; node = node.Parent)
        {
            parts.Push(node);
        }

        var sb = new StringBuilder();
        foreach (var node in parts)
        {
            sb.Append('/').Append(node.Name);
            if (node.Index > 1 || node.Parent?.ChildrenNamed(node.Name).Skip(1).Any() == true)
            {
                sb.Append('[').Append(node.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }

        return sb.ToString();
    }
}

/// <summary>A message that passed the XSD but holds a value the model cannot represent (e.g. year 10000).</summary>
public sealed class MessageFormatException(string message) : Exception(message);
