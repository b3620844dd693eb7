using Berichtenverkeer.Ijw.Catalog;
using static Berichtenverkeer.Ijw.Catalog.MessageTypes;

namespace Berichtenverkeer.Matching.Rules;

internal static class Heen
{
    /// <summary>The heen-messages the header rules (TR056, TR135, TR378) apply to.</summary>
    public static readonly IReadOnlyList<MessageType> All = [JW301, JW305, JW307, JW315, JW317, JW319, JW323, JW325];
}
