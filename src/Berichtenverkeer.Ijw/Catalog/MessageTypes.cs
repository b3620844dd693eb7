using System.Collections.Frozen;

namespace Berichtenverkeer.Ijw.Catalog;

/// <summary>The iJw 3.2 message set with BerichtCodes from COD002 and the retour that answers each heen-message.</summary>
public static class MessageTypes
{
    public static readonly MessageType JW301 = new("JW301", 301, "436", Party.Gemeente, false);
    public static readonly MessageType JW302 = new("JW302", 302, "437", Party.Aanbieder, true);
    public static readonly MessageType JW305 = new("JW305", 305, "438", Party.Aanbieder, false);
    public static readonly MessageType JW306 = new("JW306", 306, "439", Party.Gemeente, true);
    public static readonly MessageType JW307 = new("JW307", 307, "440", Party.Aanbieder, false);
    public static readonly MessageType JW308 = new("JW308", 308, "441", Party.Gemeente, true);
    public static readonly MessageType JW315 = new("JW315", 315, "446", Party.Aanbieder, false);
    public static readonly MessageType JW316 = new("JW316", 316, "447", Party.Gemeente, true);
    public static readonly MessageType JW317 = new("JW317", 317, "486", Party.Aanbieder, false);
    public static readonly MessageType JW318 = new("JW318", 318, "487", Party.Gemeente, true);
    public static readonly MessageType JW319 = new("JW319", 319, "488", Party.Gemeente, false);
    public static readonly MessageType JW320 = new("JW320", 320, "489", Party.Aanbieder, true);
    public static readonly MessageType JW323 = new("JW323", 323, "490", Party.Aanbieder, false);

    // JW325 is a heen-message of its own (README §6.2) that nobody answers.
    public static readonly MessageType JW325 = new("JW325", 325, "491", Party.Gemeente, false);

    public static readonly IReadOnlyList<MessageType> All =
        [JW301, JW302, JW305, JW306, JW307, JW308, JW315, JW316, JW317, JW318, JW319, JW320, JW323, JW325];

    private static readonly FrozenDictionary<string, MessageType> ByNamespace =
        All.ToFrozenDictionary(t => t.Namespace, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, MessageType> ByName =
        All.ToFrozenDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<MessageType, MessageType> RetourOf = new Dictionary<MessageType, MessageType>
    {
        [JW301] = JW302,
        [JW305] = JW306,
        [JW307] = JW308,
        [JW315] = JW316,
        [JW317] = JW318,
        [JW319] = JW320,
    }.ToFrozenDictionary();

    public static MessageType? FromNamespace(string namespaceUri) =>
        ByNamespace.TryGetValue(namespaceUri, out var type) ? type : null;

    public static MessageType? FromName(string name) => ByName.TryGetValue(name, out var type) ? type : null;

    /// <summary>The retour message that answers <paramref name="heen"/>; null for JW323 (answered by JW325) and for retours.</summary>
    public static MessageType? RetourFor(MessageType heen) => RetourOf.TryGetValue(heen, out var retour) ? retour : null;
}
