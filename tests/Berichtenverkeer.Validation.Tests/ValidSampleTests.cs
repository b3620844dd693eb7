using Berichtenverkeer.Ijw.Catalog;
using Berichtenverkeer.Validation.Tests.Support;

namespace Berichtenverkeer.Validation.Tests;

/// <summary>The shared samples are one consistent, valid trajectory; each must pass levels 1 and 2 untouched.</summary>
public sealed class ValidSampleTests
{
    public static TheoryData<string> SampleNames => new(Sample.Names);

    [Fact]
    public void every_message_type_has_a_valid_sample()
    {
        var covered = Sample.Names.Select(n => n[..5]).ToHashSet(StringComparer.Ordinal);
        Assert.All(MessageTypes.All, t => Assert.Contains(t.Name, covered));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void valid_sample_validates_without_errors(string name)
    {
        var result = Validators.Default.Validate(Sample.Bytes(name));

        Expect.Valid(result);
        Assert.Empty(result.Errors);
        Assert.Equal(name[..5], result.Type?.Name);
        Assert.Equal(result.Type, result.Message!.Type);
        Assert.Equal(result.Type!.BerichtCode, result.Message.Header.BerichtCode);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void valid_sample_validates_the_same_from_file_stream_and_bytes(string name)
    {
        var fromFile = Validators.Default.ValidateFile(Sample.PathOf(name));
        using var stream = File.OpenRead(Sample.PathOf(name));
        var fromStream = Validators.Default.Validate(stream);

        Expect.Valid(fromFile);
        Expect.Valid(fromStream);
        Assert.Equal(fromFile.Type, fromStream.Type);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void sample_reserialised_by_the_test_helper_is_still_valid(string name)
    {
        // Every mutation test goes through Sample.ToBytes(); unmutated, that round trip must change nothing that matters.
        Expect.Valid(Sample.Load(name).Validate());
    }
}
