using System.Diagnostics;
using System.Globalization;

namespace Berichtenverkeer.Cli.Terminal;

/// <summary>
/// One self-overwriting "done/total" line on stderr for long runs watched at a terminal. Never drawn when stderr
/// is redirected (logs and CI stay clean) nor for short runs, where it would only flicker.
/// </summary>
internal sealed class ProgressLine
{
    /// <summary>Runs of at most this many items finish before a progress line would help.</summary>
    public const int MinimumItems = 50;

    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _writer;
    private readonly int _total;
    private readonly string _unit;
    private readonly bool _enabled;
    private readonly long _start = Stopwatch.GetTimestamp();
    private long _lastDraw;
    private int _drawnWidth;

    private ProgressLine(TextWriter writer, int total, string unit, bool enabled)
    {
        _writer = writer;
        _total = total;
        _unit = unit;
        _enabled = enabled;
        _lastDraw = _start;
    }

    public static ProgressLine For(CliContext context, int total, string unit) =>
        new(context.Error, total, unit, context.ErrorIsTerminal && total > MinimumItems);

    /// <summary>Draws at most ten times a second; the first time a tenth of a second after the start, so the rate means something.</summary>
    public void Report(int done)
    {
        if (!_enabled)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        if (Stopwatch.GetElapsedTime(_lastDraw, now) < RedrawInterval)
        {
            return;
        }

        _lastDraw = now;
        var seconds = Stopwatch.GetElapsedTime(_start, now).TotalSeconds;
        var text = string.Create(CultureInfo.InvariantCulture, $"{done}/{_total} {_unit}, {done / seconds:F0} {_unit}/s");
        _writer.Write("\r" + text.PadRight(_drawnWidth));
        _writer.Flush();
        _drawnWidth = text.Length;
    }

    /// <summary>Erases the line so other output starts at column 0; a later <see cref="Report"/> draws it again.</summary>
    public void Clear()
    {
        if (_drawnWidth == 0)
        {
            return;
        }

        _writer.Write("\r" + new string(' ', _drawnWidth) + "\r");
        _writer.Flush();
        _drawnWidth = 0;
    }
}
