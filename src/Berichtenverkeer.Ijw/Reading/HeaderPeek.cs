using System.Runtime.InteropServices;
using System.Xml;
using Berichtenverkeer.Ijw.Catalog;

namespace Berichtenverkeer.Ijw.Reading;

/// <summary>
/// The message type and parties from the first elements of a message, without validating or reading the rest:
/// ingress needs them to pick the partition before the full check runs. Returns null for anything unreadable.
/// </summary>
public static class HeaderPeek
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    public static (MessageType Type, string Afzender, string Ontvanger)? Read(ReadOnlyMemory<byte> content)
    {
        try
        {
            // Reads the caller's array in place: only the first elements are read, so copying a 1 MB message would dominate.
            using var stream = MemoryMarshal.TryGetArray(content, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(content.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, Settings);
            reader.MoveToContent();
            if (MessageTypes.FromNamespace(reader.NamespaceURI) is not { } type)
            {
                return null;
            }

            string? afzender = null, ontvanger = null;
            reader.Read();
            while (!reader.EOF && (afzender is null || ontvanger is null))
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "Afzender" or "Ontvanger")
                {
                    var name = reader.LocalName;
                    // Leaves the reader on the node after the element (here the Ontvanger that follows the Afzender):
                    // no further Read() before looking at it, or it would be skipped.
                    var value = reader.ReadElementContentAsString();
                    (afzender, ontvanger) = name == "Afzender" ? (value, ontvanger) : (afzender, value);
                    continue;
                }

                reader.Read();
            }

            return afzender is null || ontvanger is null ? null : (type, afzender, ontvanger);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>
    /// All traffic between one municipality and one provider shares a partition, so a start never overtakes its
    /// assignment and a declaration never its assignment or credit base, whatever the number of workers.
    /// </summary>
    public static string PartitionKey(ReadOnlyMemory<byte> content, string? fallback)
    {
        if (Read(content) is not { } header)
        {
            return fallback ?? "unreadable";
        }

        var (a, b) = (header.Afzender, header.Ontvanger);
        return a.Length == 4 ? $"{a}|{b}" : $"{b}|{a}";
    }
}
