using System.Globalization;
using System.Security;
using System.Text;

namespace Berichtenverkeer.Benchmarks.Report;

/// <summary>
/// chart.svg, written by hand (no chart package): throughput out and p99 latency against offered load, for the gateway
/// and the bare echo, side by side. Saturation runs have no offered rate and are left out.
/// </summary>
public static class SvgChart
{
    private const int PanelWidth = 420;
    private const int PanelHeight = 300;
    private const int Left = 60;
    private const int Top = 40;
    private const int Bottom = 50;

    public static string Render(EndToEndResults e)
    {
        var svg = new StringBuilder();
        var width = (2 * PanelWidth) + 40;
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{PanelHeight + 40}\" font-family=\"sans-serif\" font-size=\"12\">");
        Append(svg, $"<rect width=\"{width}\" height=\"{PanelHeight + 40}\" fill=\"white\"/>");
        var gateway = e.Gateway.Where(p => p.OfferedPerSecond > 0).ToList();
        var echo = e.Echo.Where(p => p.OfferedPerSecond > 0).ToList();
        if (e.Status != "ok" || gateway.Count == 0)
        {
            Append(svg, $"<text x=\"20\" y=\"40\">End-to-end benchmark {Escape(e.Status)}</text></svg>");
            return svg.ToString();
        }

        Panel(svg, 0, "Throughput out (msg/s) vs offered (msg/s)", gateway, echo, p => p.ThroughputPerSecond, diagonal: true);
        Panel(svg, PanelWidth + 20, "p99 latency (ms) vs offered (msg/s)", gateway, echo, p => p.P99Ms, diagonal: false);
        Legend(svg, width);
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Panel(StringBuilder svg, int x0, string title, List<LoadPoint> gateway, List<LoadPoint> echo, Func<LoadPoint, double> value, bool diagonal)
    {
        var all = gateway.Concat(echo).Where(p => double.IsFinite(value(p))).ToList();
        var xMax = Nice(all.Max(p => p.AchievedOfferedPerSecond));
        var yMax = Nice(Math.Max(all.Max(value), diagonal ? xMax : 0));
        var plotW = PanelWidth - Left - 20;
        var plotH = PanelHeight - Top - Bottom;
        double X(double v) => x0 + Left + (v / xMax * plotW);
        double Y(double v) => Top + plotH - (Math.Min(v, yMax) / yMax * plotH);

        Append(svg, $"<text x=\"{x0 + Left}\" y=\"{Top - 15}\" font-weight=\"bold\">{Escape(title)}</text>");
        Append(svg, $"<rect x=\"{x0 + Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#999\"/>");
        for (var i = 0; i <= 4; i++)
        {
            var xv = xMax * i / 4;
            var yv = yMax * i / 4;
            Append(svg, $"<text x=\"{X(xv):F1}\" y=\"{Top + plotH + 16}\" text-anchor=\"middle\">{xv:0.##}</text>");
            Append(svg, $"<text x=\"{x0 + Left - 6}\" y=\"{Y(yv) + 4:F1}\" text-anchor=\"end\">{yv:0.##}</text>");
            Append(svg, $"<line x1=\"{x0 + Left}\" x2=\"{x0 + Left + plotW}\" y1=\"{Y(yv):F1}\" y2=\"{Y(yv):F1}\" stroke=\"#eee\"/>");
        }

        Append(svg, $"<text x=\"{x0 + Left + (plotW / 2)}\" y=\"{Top + plotH + 36}\" text-anchor=\"middle\">offered load (msg/s)</text>");
        if (diagonal)
        {
            Append(svg, $"<line x1=\"{X(0):F1}\" y1=\"{Y(0):F1}\" x2=\"{X(Math.Min(xMax, yMax)):F1}\" y2=\"{Y(Math.Min(xMax, yMax)):F1}\" stroke=\"#bbb\" stroke-dasharray=\"4 4\"/>");
        }
        else if (yMax >= 50)
        {
            Append(svg, $"<line x1=\"{x0 + Left}\" x2=\"{x0 + Left + plotW}\" y1=\"{Y(50):F1}\" y2=\"{Y(50):F1}\" stroke=\"#d62728\" stroke-dasharray=\"2 3\"/>");
            Append(svg, $"<text x=\"{x0 + Left + plotW - 4}\" y=\"{Y(50) - 4:F1}\" text-anchor=\"end\" fill=\"#d62728\">50 ms target</text>");
        }

        Series(svg, gateway, value, X, Y, "#1f77b4");
        Series(svg, echo, value, X, Y, "#ff7f0e");
    }

    private static void Series(StringBuilder svg, List<LoadPoint> points, Func<LoadPoint, double> value, Func<double, double> x, Func<double, double> y, string colour)
    {
        var finite = points.Where(p => double.IsFinite(value(p))).OrderBy(p => p.AchievedOfferedPerSecond).ToList();
        if (finite.Count == 0)
        {
            return;
        }

        var path = string.Join(" ", finite.Select(p => string.Create(CultureInfo.InvariantCulture, $"{x(p.AchievedOfferedPerSecond):F1},{y(value(p)):F1}")));
        Append(svg, $"<polyline points=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"/>");
        foreach (var p in finite)
        {
            Append(svg, $"<circle cx=\"{x(p.AchievedOfferedPerSecond):F1}\" cy=\"{y(value(p)):F1}\" r=\"3\" fill=\"{colour}\"/>");
        }
    }

    private static void Legend(StringBuilder svg, int width)
    {
        var y = PanelHeight + 20;
        Append(svg, $"<rect x=\"{(width / 2) - 170}\" y=\"{y - 9}\" width=\"14\" height=\"4\" fill=\"#1f77b4\"/>");
        Append(svg, $"<text x=\"{(width / 2) - 150}\" y=\"{y - 3}\">gateway (HTTP → RabbitMQ → PostgreSQL → party queue)</text>");
        Append(svg, $"<rect x=\"{(width / 2) - 170}\" y=\"{y + 7}\" width=\"14\" height=\"4\" fill=\"#ff7f0e\"/>");
        Append(svg, $"<text x=\"{(width / 2) - 150}\" y=\"{y + 13}\">bare MassTransit echo (same broker, queues, confirms)</text>");
    }

    /// <summary>1, 2 or 5 times a power of ten, at least <paramref name="value"/>.</summary>
    private static double Nice(double value)
    {
        if (!(value > 0))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * power).First(v => v >= value);
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static void Append(StringBuilder svg, FormattableString text) => svg.AppendLine(text.ToString(CultureInfo.InvariantCulture));
}
