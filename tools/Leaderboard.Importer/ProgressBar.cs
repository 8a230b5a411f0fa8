using System.Globalization;

namespace Leaderboard.Importer;

/// <summary>
/// Progress on standard error: a bar redrawn in place on a terminal (rows, %, rows/s, time left), plain lines every
/// ten percent when redirected to a file or a CI log.
/// </summary>
public sealed class ProgressBar(TextWriter output, bool interactive, TimeProvider time)
{
    private const int Width = 30;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly TimeSpan Redraw = TimeSpan.FromMilliseconds(200);

    private readonly long _started = time.GetTimestamp();
    private long _drawn = long.MinValue;
    private int _lastTenth = -1;

    /// <param name="rows">Rows acknowledged by the server in this run.</param>
    /// <param name="fraction">The share of the file acknowledged, 0 to 1.</param>
    /// <param name="startFraction">The share skipped at the start (a resumed run), so the rate and time left count only this run's work.</param>
    public void Report(int rows, double fraction, double startFraction, bool final = false)
    {
        var now = time.GetTimestamp();
        var elapsed = time.GetElapsedTime(_started, now);
        var tenth = (int)(fraction * 10);
        if (interactive ? !final && time.GetElapsedTime(_drawn, now) < Redraw : !final && tenth == _lastTenth)
        {
            return;
        }

        _drawn = now;
        _lastTenth = tenth;
        var rate = elapsed.TotalSeconds > 0 ? rows / elapsed.TotalSeconds : 0;
        var done = fraction - startFraction;
        // The time left only once there is something to go by: the first batch's answer includes the connection's set-up,
        // and early estimates from it said 17 hours for a minute's import.
        var estimated = done >= 0.02 && elapsed >= TimeSpan.FromSeconds(2);
        var left = estimated && fraction < 1 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / done) : TimeSpan.Zero;
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * Width);
        var remaining = estimated || fraction >= 1 ? string.Create(Vietnamese, $"còn {left:hh\\:mm\\:ss}") : "đang ước tính thời gian";
        var line = string.Create(
            Vietnamese,
            $"[{new string('#', filled)}{new string('.', Width - filled)}] {fraction * 100,5:F1} %  {rows:N0} dòng  {rate:N0} dòng/giây  {remaining}");
        if (interactive)
        {
            output.Write("\r" + line);
            if (final)
            {
                output.WriteLine();
            }
        }
        else
        {
            output.WriteLine(line);
        }

        output.Flush();
    }
}
