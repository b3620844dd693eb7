using System.Text;
using System.Text.RegularExpressions;

namespace Berichtenverkeer.Tests.Support;

/// <summary>
/// Test messages made from the valid samples of tests/samples/valid by string edits. The samples are one trajectory
/// between municipality 0363 and provider 12345678 for BSN 999900006 (assignment 100001, January 2026); a
/// <see cref="Client"/> is the same trajectory for another client, assignment and party pair, so many of them can run
/// side by side without their numbers colliding. Shared (linked) by the Processing and Gateway test projects.
/// </summary>
public static partial class Traffic
{
    public const string Gemeente = "0363";
    public const string Agb = "12345678";
    public const string Bsn = "999900006";

    /// <summary>A system date after every sample's Dagtekening, so TR135 passes.</summary>
    public static readonly DateOnly Today = new(2026, 3, 10);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "samples", "valid");

    public static string Text(string sample) => File.ReadAllText(Path.Combine(Folder, sample + ".xml"));

    public static byte[] Bytes(string sample) => File.ReadAllBytes(Path.Combine(Folder, sample + ".xml"));

    public static byte[] Utf8(string xml) => Encoding.UTF8.GetBytes(xml);

    /// <summary>Replaces the text of every element with this local name (any prefix); throws when there is none.</summary>
    public static string Set(this string xml, string element, string value)
    {
        var pattern = new Regex($@"(<(?:\w+:)?{Regex.Escape(element)}>)[^<]*(</(?:\w+:)?{Regex.Escape(element)}>)");
        if (!pattern.IsMatch(xml))
        {
            throw new InvalidOperationException($"No element {element} in the message.");
        }

        return pattern.Replace(xml, m => m.Groups[1].Value + value + m.Groups[2].Value);
    }

    /// <summary>Removes every element with this local name (a simple element on one line).</summary>
    public static string Without(this string xml, string element) =>
        new Regex($@"[ \t]*<(?:\w+:)?{Regex.Escape(element)}>[^<]*</(?:\w+:)?{Regex.Escape(element)}>\r?\n?").Replace(xml, string.Empty);

    /// <summary>A valid BSN (11-test) made from a number: 9-digit, never 000000000, distinct for distinct numbers below 100000.</summary>
    public static string BsnFor(int n)
    {
        // Prefix 998 + five digits of n + a weighted check; skip prefixes whose check digit would be 10.
        for (var salt = 0; ; salt++)
        {
            var prefix = $"99{salt % 10}{n % 100000:D5}";
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (prefix[i] - '0') * (9 - i);
            }

            var check = sum % 11;
            if (check <= 9)
            {
                return prefix + (char)('0' + check);
            }
        }
    }

    /// <summary>
    /// One client's trajectory between a municipality and a provider: an assignment (JW301, without a request so no
    /// JW315 is needed), its start (JW305) and a January declaration (JW323). Each needs the one before it: a start
    /// before its assignment gets 9019, a declaration before its assignment 9338.
    /// </summary>
    public sealed record Client(int Number, string Gemeente = Gemeente, string Agb = Agb)
    {
        public string Bsn => BsnFor(Number);

        public string ToewijzingNummer => (200000 + Number).ToString(System.Globalization.CultureInfo.InvariantCulture);

        public string Jw301() => Retarget(Text("JW301"), Gemeente, Agb)
            .Without("ReferentieAanbieder")
            .Set("Identificatie", $"A{Number:D6}")
            .Set("Bsn", Bsn)
            .Set("ToewijzingNummer", ToewijzingNummer);

        public string Jw305() => Retarget(Text("JW305"), Gemeente, Agb)
            .Set("Identificatie", $"S{Number:D6}")
            .Set("Bsn", Bsn)
            .Set("ToewijzingNummer", ToewijzingNummer);

        public string Jw323() => Retarget(Text("JW323"), Gemeente, Agb)
            .Set("Identificatie", $"D{Number:D6}")
            .Set("DeclaratieNummer", $"D{Number:D9}")
            .Set("ReferentieNummer", $"P{Number:D9}")
            .Set("Bsn", Bsn)
            .Set("ToewijzingNummer", ToewijzingNummer);

        /// <summary>The trajectory in the order it must be processed.</summary>
        public IReadOnlyList<(string Type, string Xml)> Messages() => [("JW301", Jw301()), ("JW305", Jw305()), ("JW323", Jw323())];
    }

    /// <summary>Moves a 0363–12345678 sample to another pair, leaving look-alike digits (a phone number) alone.</summary>
    public static string Retarget(string xml, string gemeente, string agb) =>
        xml.Replace($">{Gemeente}<", $">{gemeente}<", StringComparison.Ordinal)
            .Replace($">{Agb}<", $">{agb}<", StringComparison.Ordinal);

    /// <summary>
    /// JW301 with two assignments: the sample's 100001 (45A04) and 100002 (45A05, same terms; not the same product, which
    /// TR302 forbids). Lets a declaration carry one acceptable prestatie and one over the maximum.
    /// </summary>
    public static string Jw301TwoAssignments()
    {
        var xml = Text("JW301").Without("ReferentieAanbieder");
        var start = xml.IndexOf("<jw301:ToegewezenProduct>", StringComparison.Ordinal);
        var end = xml.IndexOf("</jw301:ToegewezenProduct>", StringComparison.Ordinal) + "</jw301:ToegewezenProduct>".Length;
        var product = xml[start..end];
        var second = product.Replace(">100001<", ">100002<", StringComparison.Ordinal).Replace(">45A04<", ">45A05<", StringComparison.Ordinal);
        return xml.Insert(end, "\n      " + second);
    }

    /// <summary>
    /// A January declaration for assignments 100001 (30 hours: within the 32 the assignment allows) and 100002 (45A05, 40 hours:
    /// over it, TR321 → 9321). 30 and 40 hours at € 75 make 225000 + 300000 cents.
    /// </summary>
    public static string Jw323OnePrestatieOverMaximum()
    {
        var xml = Text("JW323");
        var start = xml.IndexOf("<jw323:Prestatie>", StringComparison.Ordinal);
        var end = xml.IndexOf("</jw323:Prestatie>", StringComparison.Ordinal) + "</jw323:Prestatie>".Length;
        var second = xml[start..end]
            .Replace(">P2026010001<", ">P2026010002<", StringComparison.Ordinal)
            .Replace(">100001<", ">100002<", StringComparison.Ordinal)
            .Replace(">45A04<", ">45A05<", StringComparison.Ordinal)
            .Replace(">30<", ">40<", StringComparison.Ordinal)
            .Replace(">225000<", ">300000<", StringComparison.Ordinal);
        return xml.Insert(end, "\n          " + second).Set("TotaalBedrag", "525000");
    }
}
