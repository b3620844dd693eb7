using System.Diagnostics;
using System.Text;
using Berichtenverkeer.Validation.Tests.Support;

namespace Berichtenverkeer.Validation.Tests.Level1;

/// <summary>
/// Input an attacker or a broken sender might produce: each yields a plain level-1 error, never an exception, never
/// a read of anything outside the message, and memory bounded by the configured message size.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly MessageValidator Validator = Validators.Default;

    private static ValidationResult Validate(string xml) => Validator.Validate(Encoding.UTF8.GetBytes(xml));

    /// <summary>Runs <paramref name="validate"/> and returns its result with the bytes it allocated on this thread.</summary>
    private static (ValidationResult Result, long Allocated, TimeSpan Elapsed) Measure(Func<ValidationResult> validate)
    {
        _ = Validator.Validate(Sample.Bytes("JW302")); // schemas compiled, code jitted: measure only the message
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var result = validate();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before, clock.Elapsed);
    }

    private static ValidationError SingleUnreadable(ValidationResult result)
    {
        var error = Assert.Single(Expect.Level1(result));
        Assert.Null(result.Type);
        Assert.Null(result.Tree);
        return error;
    }

    // ---- DTDs: external entities and entity expansion ----

    [Fact]
    public void external_entity_is_refused_and_the_file_is_not_read()
    {
        var result = Validate("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");

        var error = SingleUnreadable(result);
        Assert.Contains("DTD is prohibited", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void external_entity_inside_a_real_message_is_refused()
    {
        var xml = Encoding.UTF8.GetString(Sample.Bytes("JW301"))
            .Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE jw301:Bericht [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", StringComparison.Ordinal)
            .Replace("Ambulante gezinsbegeleiding", "&e;", StringComparison.Ordinal);

        var error = SingleUnreadable(Validate(xml));

        Assert.Contains("DTD is prohibited", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void billion_laughs_is_refused_quickly_in_little_memory()
    {
        var dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.Append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (var i = 2; i <= 9; i++)
        {
            dtd.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        dtd.Append("]><lolz>&lol9;</lolz>");

        var (result, allocated, elapsed) = Measure(() => Validate(dtd.ToString()));

        Assert.Contains("DTD is prohibited", SingleUnreadable(result).Message, StringComparison.Ordinal);
        Assert.True(allocated < 16 * 1024 * 1024, $"allocated {allocated} bytes");
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}");
    }

    [Fact]
    public void schema_location_hint_is_ignored_and_nothing_is_fetched()
    {
        var xml = Encoding.UTF8.GetString(Sample.Bytes("JW305")).Replace(
            "<jw305:Bericht ",
            "<jw305:Bericht xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.istandaarden.nl/ijw/3_2/jw305/schema http://203.0.113.1/evil.xsd\" ",
            StringComparison.Ordinal);

        var (result, _, elapsed) = Measure(() => Validate(xml));

        Expect.Valid(result);
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"took {elapsed}: was the hint fetched?");
    }

    // ---- Not XML at all ----

    [Fact]
    public void empty_input_is_a_clear_error()
    {
        var error = SingleUnreadable(Validator.Validate(ReadOnlyMemory<byte>.Empty));

        Assert.Contains("Root element is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void empty_file_is_a_clear_error()
    {
        var path = Path.GetTempFileName();
        try
        {
            var error = SingleUnreadable(Validator.ValidateFile(path));
            Assert.Contains("Root element is missing", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("hello, world")]
    [InlineData("{\"Bericht\": {\"BerichtCode\": 436}}")]
    [InlineData("BerichtCode;Afzender\r\n436;0363")]
    [InlineData("   ")]
    public void text_that_is_not_xml_is_a_clear_error(string text) =>
        Assert.StartsWith("Not well-formed XML", SingleUnreadable(Validate(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void binary_garbage_is_a_clear_error()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);

        Assert.StartsWith("Not well-formed XML", SingleUnreadable(Validator.Validate(bytes)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void pdf_file_is_a_clear_error() =>
        Assert.StartsWith("Not well-formed XML", SingleUnreadable(Validator.Validate("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj"u8.ToArray())).Message, StringComparison.Ordinal);

    [Fact]
    public void truncated_message_is_a_clear_error_with_a_line()
    {
        var bytes = Sample.Bytes("JW301");
        var result = Validator.Validate(bytes.AsMemory(0, bytes.Length / 2));

        var errors = Expect.Level1(result);
        Assert.Contains(errors, e => e.Message.StartsWith("Not well-formed XML", StringComparison.Ordinal) && e.Line > 0);
    }

    [Fact]
    public void two_root_elements_are_a_clear_error()
    {
        var xml = Encoding.UTF8.GetString(Sample.Bytes("JW302"));
        var errors = Expect.Level1(Validate(xml + xml[xml.IndexOf("<jw302:Bericht", StringComparison.Ordinal)..]));

        Assert.Contains(errors, e => e.Message.StartsWith("Not well-formed XML", StringComparison.Ordinal));
    }

    [Fact]
    public void deeply_nested_elements_inside_a_message_are_a_clear_error_without_stack_overflow()
    {
        var xml = Encoding.UTF8.GetString(Sample.Bytes("JW302"));
        var nested = string.Concat(Enumerable.Repeat("<jw302:x>", 100_000)) + string.Concat(Enumerable.Repeat("</jw302:x>", 100_000));
        xml = xml.Replace("</jw302:Header>", "</jw302:Header>" + nested, StringComparison.Ordinal);

        var (result, _, elapsed) = Measure(() => Validate(xml));

        var errors = Expect.Level1(result);
        Assert.Equal("JW302", result.Type?.Name);
        Assert.Contains(errors, e => e.Message.Contains("nested more than", StringComparison.Ordinal));
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"took {elapsed}");
    }

    // ---- Encodings ----

    [Fact]
    public void utf16_declaration_on_utf8_bytes_is_a_clear_error()
    {
        var xml = Encoding.UTF8.GetString(Sample.Bytes("JW301")).Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"", StringComparison.Ordinal);

        var error = SingleUnreadable(Validate(xml));

        Assert.StartsWith("Not well-formed XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void declaration_of_a_non_existent_encoding_is_a_clear_error()
    {
        var xml = Encoding.UTF8.GetString(Sample.Bytes("JW301")).Replace("encoding=\"UTF-8\"", "encoding=\"klingon-9\"", StringComparison.Ordinal);

        var error = SingleUnreadable(Validate(xml));

        Assert.Contains("klingon-9", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void latin1_bytes_declared_as_utf8_are_a_clear_error()
    {
        var xml = Encoding.UTF8.GetString(Sample.Bytes("JW301")).Replace("Sanne Maria", "Zoë Anaïs", StringComparison.Ordinal);

        var errors = Expect.Level1(Validator.Validate(Encoding.Latin1.GetBytes(xml)));

        Assert.Contains(errors, e => e.Message.StartsWith("Not well-formed XML", StringComparison.Ordinal) && e.Line > 0);
    }

    [Fact]
    public void utf8_with_bom_is_still_read()
    {
        // OP192 asks senders for no BOM; a BOM is harmless to the parser and the message stays valid.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Sample.Bytes("JW301")).ToArray();

        Expect.Valid(Validator.Validate(bytes));
    }

    // ---- Not an iJw message ----

    [Theory]
    [InlineData("<Bericht xmlns=\"http://example.org/other\"/>")]
    [InlineData("<wmo301:Bericht xmlns:wmo301=\"http://www.istandaarden.nl/iwmo/3_2/wmo301/schema\"/>")]
    [InlineData("<jw399:Bericht xmlns:jw399=\"http://www.istandaarden.nl/ijw/3_2/jw399/schema\"/>")]
    [InlineData("<Bericht/>")]
    public void unknown_root_namespace_is_an_unknown_message_type(string xml)
    {
        var error = SingleUnreadable(Validate(xml));

        Assert.Contains("Unknown message type", error.Message, StringComparison.Ordinal);
        Assert.True(error.Line > 0);
    }

    [Fact]
    public void known_namespace_with_another_root_element_is_an_unknown_message_type()
    {
        var error = SingleUnreadable(Validate("<jw301:Header xmlns:jw301=\"http://www.istandaarden.nl/ijw/3_2/jw301/schema\"/>"));

        Assert.Contains("Unknown message type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void known_namespace_with_an_empty_root_is_a_schema_error()
    {
        var result = Validate("<jw301:Bericht xmlns:jw301=\"http://www.istandaarden.nl/ijw/3_2/jw301/schema\"/>");

        Assert.Equal("JW301", result.Type?.Name);
        var error = Assert.Single(Expect.Level1(result));
        Assert.True(error.Line > 0);
        Assert.Contains("Header", error.Message, StringComparison.Ordinal);
    }

    // ---- Size (OP179) ----

    private static void AssertTooLarge(ValidationResult result)
    {
        var error = Assert.Single(Expect.Level1(result));
        Assert.Equal("OP179", error.Rule);
        Assert.Contains("OP179", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A JW301 whose Commentaar is padded with 'x' to <paramref name="size"/> bytes, written without holding it in memory.</summary>
    private static void WriteLargeMessage(Stream target, long size)
    {
        var xml = Encoding.UTF8.GetString(Sample.Bytes("JW301"));
        var cut = xml.IndexOf("Ambulante", StringComparison.Ordinal);
        var head = Encoding.UTF8.GetBytes(xml[..cut]);
        var tail = Encoding.UTF8.GetBytes(xml[cut..]);
        target.Write(head);
        var chunk = Enumerable.Repeat((byte)'x', 1024 * 1024).ToArray();
        for (var left = size - head.Length - tail.Length; left > 0; left -= chunk.Length)
        {
            target.Write(chunk, 0, (int)Math.Min(left, chunk.Length));
        }

        target.Write(tail);
    }

    [Fact]
    public void file_of_100_mb_is_refused_before_it_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ijw-100mb-{Guid.NewGuid():N}.xml");
        try
        {
            using (var file = File.Create(path))
            {
                WriteLargeMessage(file, 100L * 1024 * 1024);
            }

            Assert.Equal(100L * 1024 * 1024, new FileInfo(path).Length);
            var (result, allocated, elapsed) = Measure(() => Validator.ValidateFile(path));

            AssertTooLarge(result);
            Assert.Contains((100L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), result.Errors[0].Message, StringComparison.Ordinal);
            Assert.True(allocated < 1024 * 1024, $"allocated {allocated} bytes: the file was read");
            Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed}");
        }
        finally
        {
            File.Delete(path);
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void seekable_stream_over_the_limit_is_refused_before_it_is_read()
    {
        using var stream = new CountingStream(new MemoryStream(Sample.Bytes("JW301")), seekable: true);

        AssertTooLarge(new MessageValidator(new ValidatorOptions { MaxMessageBytes = 1000 }).Validate(stream));
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public void non_seekable_stream_of_100_mb_stops_early_at_the_25_mb_limit()
    {
        using var stream = new GeneratedMessageStream(100L * 1024 * 1024);

        var result = Validator.Validate(stream);

        AssertTooLarge(result);
        Assert.True(stream.BytesRead > ValidatorOptions.DefaultMaxMessageBytes, $"read {stream.BytesRead}");
        Assert.True(stream.BytesRead <= ValidatorOptions.DefaultMaxMessageBytes + (1024 * 1024), $"read {stream.BytesRead} bytes, far past the limit");
    }

    [Fact]
    public void non_seekable_stream_over_a_lowered_limit_stops_early_in_bounded_memory()
    {
        const long limit = 1024 * 1024;
        var validator = new MessageValidator(new ValidatorOptions { MaxMessageBytes = limit });
        using var stream = new GeneratedMessageStream(100L * 1024 * 1024);

        var (result, allocated, _) = Measure(() => validator.Validate(stream));

        AssertTooLarge(result);
        Assert.True(stream.BytesRead <= limit + (64 * 1024), $"read {stream.BytesRead} bytes");
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated} bytes for a 1 MB limit");
    }

    [Fact]
    public void message_larger_than_a_lowered_limit_is_refused_by_every_entry_point()
    {
        var bytes = Sample.Bytes("JW301");
        var validator = new MessageValidator(new ValidatorOptions { MaxMessageBytes = bytes.Length - 1 });

        AssertTooLarge(validator.Validate(bytes));
        AssertTooLarge(validator.ValidateFile(Sample.PathOf("JW301")));
        using var nonSeekable = new CountingStream(new MemoryStream(bytes), seekable: false);
        AssertTooLarge(validator.Validate(nonSeekable));
    }

    [Fact]
    public void message_exactly_at_a_lowered_limit_is_accepted()
    {
        var bytes = Sample.Bytes("JW301");
        var validator = new MessageValidator(new ValidatorOptions { MaxMessageBytes = bytes.Length });

        Expect.Valid(validator.Validate(bytes));
        Expect.Valid(validator.ValidateFile(Sample.PathOf("JW301")));
        using var nonSeekable = new CountingStream(new MemoryStream(bytes), seekable: false);
        Expect.Valid(validator.Validate(nonSeekable));
    }

    // ---- Streams used above ----

    /// <summary>Wraps a stream, counts what is read and can hide that it is seekable.</summary>
    private sealed class CountingStream(Stream inner, bool seekable) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => seekable;

        public override bool CanWrite => false;

        public override long Length => seekable ? inner.Length : throw new NotSupportedException();

        public override long Position
        {
            get => seekable ? inner.Position : throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A non-seekable stream producing a JW301 of <c>size</c> bytes on the fly (a huge Commentaar), as a socket would.</summary>
    private sealed class GeneratedMessageStream : Stream
    {
        private readonly byte[] _head;
        private readonly byte[] _tail;
        private readonly long _size;

        public GeneratedMessageStream(long size)
        {
            var xml = Encoding.UTF8.GetString(Sample.Bytes("JW301"));
            var cut = xml.IndexOf("Ambulante", StringComparison.Ordinal);
            _head = Encoding.UTF8.GetBytes(xml[..cut]);
            _tail = Encoding.UTF8.GetBytes(xml[cut..]);
            _size = size;
        }

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = 0;
            while (n < count && BytesRead < _size)
            {
                var tailStart = _size - _tail.Length;
                buffer[offset + n] = BytesRead < _head.Length ? _head[BytesRead]
                    : BytesRead >= tailStart ? _tail[BytesRead - tailStart]
                    : (byte)'x';
                n++;
                BytesRead++;
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
