using System.Text.RegularExpressions;
using Berichtenverkeer.Ijw.Reading;
using Berichtenverkeer.Tests.Support;

namespace Berichtenverkeer.Processing.Tests;

/// <summary>
/// Ingress partitions by the municipality–provider pair read from the header (README: ordering). Every message of a
/// pair, whoever sends it, must get the same key — else an assignment and its start land in different partitions and
/// the start can overtake it.
/// </summary>
public sealed class PartitionKeyTests
{
    [Theory]
    [InlineData("JW301")]
    [InlineData("JW302")]
    [InlineData("JW305")]
    [InlineData("JW306")]
    [InlineData("JW315")]
    [InlineData("JW323")]
    [InlineData("JW325")]
    public void every_message_of_a_pair_has_the_pair_as_its_key_whoever_sends_it(string sample)
    {
        var header = HeaderPeek.Read(Traffic.Bytes(sample));

        Assert.NotNull(header);
        Assert.Equal(sample, header.Value.Type.Name);
        Assert.Equal("0363|12345678", HeaderPeek.PartitionKey(Traffic.Bytes(sample), "fallback"));
    }

    [Fact]
    public void the_parties_are_read_in_either_order_and_on_one_line()
    {
        var swapped = Regex.Replace(
            Traffic.Text("JW305"),
            @"<jw305:Afzender>12345678</jw305:Afzender>\s*<jw305:Ontvanger>0363</jw305:Ontvanger>",
            "<jw305:Ontvanger>0363</jw305:Ontvanger><jw305:Afzender>12345678</jw305:Afzender>");
        Assert.NotEqual(Traffic.Text("JW305"), swapped);

        Assert.Equal(("12345678", "0363"), HeaderPeek.Read(Traffic.Utf8(swapped)) is { } h ? (h.Afzender, h.Ontvanger) : default);
    }

    [Fact]
    public void unreadable_content_falls_back_to_the_authenticated_party()
    {
        Assert.Equal("0363", HeaderPeek.PartitionKey(Traffic.Utf8("not xml"), "0363"));
        Assert.Equal("unreadable", HeaderPeek.PartitionKey(Traffic.Utf8("<a/>"), null));
    }
}
