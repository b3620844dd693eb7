using System.Globalization;

namespace Berichtenverkeer.Ijw.Reading;

/// <summary>
/// One element of an iJw message as read from the wire: name, text, position and children.
/// The typed model is mapped from it, and retours copy it unchanged (IV028), so it keeps the original text.
/// </summary>
public sealed class MessageNode(string name, string namespaceUri, int line, int column, MessageNode? parent)
{
    // Exact-size array, set when the element closes; MessageTreeReader gathers the children in a reused list meanwhile.
    private MessageNode[]? _children;
    private string? _path;

    public string Name { get; } = name;

    public string Namespace { get; } = namespaceUri;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public MessageNode? Parent { get; } = parent;

    /// <summary>The element's text for a leaf element; null for an element with children.</summary>
    public string? Text { get; internal set; }

    public IReadOnlyList<MessageNode> Children => _children ?? [];

    public bool HasChildren => _children is { Length: > 0 };

    /// <summary>1-based position among siblings of the same name.</summary>
    public int Index { get; internal set; } = 1;

    /// <summary>
    /// Element path with a [n] index on repeated elements, e.g. /Bericht/Client/ToegewezenProducten/ToegewezenProduct[2].
    /// Rule violations and retour codes are keyed by it.
    /// </summary>
    public string Path => _path ??= BuildPath();

    internal void SetChildren(MessageNode[] children) => _children = children;

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

    /// <summary>This element's step in a path, given its siblings so far (itself included).</summary>
    internal string PathSegment(IReadOnlyList<MessageNode>? siblings) =>
        IsRepeated(siblings) ? $"{Name}[{Index.ToString(CultureInfo.InvariantCulture)}]" : Name;

    // Built from the parent's (cached) path: a clean 1,000-prestatie JW323 asks for ~1,100 class paths, and walking every
    // ancestor with LINQ per path was most of the model mapping's allocation.
    private string BuildPath() => Parent is null
        ? "/" + PathSegment(null)
        : string.Concat(Parent.Path, "/", PathSegment(Parent._children));

    /// <summary>True when this element has a sibling of the same name: only then does its path carry an index.</summary>
    private bool IsRepeated(IReadOnlyList<MessageNode>? siblings)
    {
        if (Index > 1)
        {
            return true;
        }

        if (siblings is null)
        {
            return false;
        }

        for (var i = 0; i < siblings.Count; i++)
        {
            if (!ReferenceEquals(siblings[i], this) && siblings[i].Name == Name)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A message that passed the XSD but holds a value the model cannot represent (e.g. year 10000).</summary>
public sealed class MessageFormatException(string message) : Exception(message);
