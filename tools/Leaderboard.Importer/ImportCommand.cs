using System.Globalization;
using Leaderboard.Client;

namespace Leaderboard.Importer;

/// <summary>The command: arguments in, messages out, an exit code (0 done, 1 some rows rejected, 2 cannot go on).</summary>
public static class ImportCommand
{
    /// <summary>Counts and durations as Vietnamese readers write them: 200.000 dòng, 0,2 giây.</summary>
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, Func<string, string?> environment, TextWriter output, TextWriter errors, bool interactive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        if (args.Count == 0 || args.Any(a => a is "--help" or "-h"))
        {
            await output.WriteLineAsync(ImportOptions.Usage);
            return args.Count == 0 ? 2 : 0;
        }

        ImportOptions options;
        try
        {
            options = ImportOptions.Parse(args, environment);
        }
        catch (ImportException ex)
        {
            await errors.WriteLineAsync($"{ex.Message} Xem --help.");
            return 2;
        }

        using var client = new LeaderboardClient(new LeaderboardClientOptions
        {
            BaseAddress = options.Url,
            Key = options.Key,
            MaxRetries = options.Retries,
            OnRetry = r => errors.WriteLine(string.Create(
                Vietnamese,
                $"{Environment.NewLine}Gửi chưa được ({(r.StatusCode is { } s ? $"HTTP {s}" : r.Error?.Message)}); thử lại lần {r.Attempt} sau {r.Delay.TotalSeconds:0.#} giây.")),
        });
        var importer = new Importer(options, client, new ProgressBar(errors, interactive, TimeProvider.System), errors);
        try
        {
            var summary = await importer.RunAsync(cancellationToken);
            static string Counts(int accepted, int duplicates, int rejectedRows) => string.Create(
                Vietnamese, $"{accepted:N0} sự kiện mới, {duplicates:N0} sự kiện đã có (trùng lặp), {rejectedRows:N0} dòng bị từ chối");
            var run = summary.ThisRun;
            await output.WriteLineAsync(summary.SkippedRows == 0
                ? string.Create(Vietnamese, $"Đã nhập {summary.Rows:N0} dòng (0 dòng bỏ qua vì đã nhập ở lần trước): {Counts(summary.Accepted, summary.Duplicates, summary.RejectedRows)}.")
                : string.Create(Vietnamese, $"Đã nhập {summary.Rows:N0} dòng ({summary.SkippedRows:N0} dòng bỏ qua vì đã nhập ở lần trước). Lần chạy này: {Counts(run.Accepted, run.Duplicates, run.RejectedRows)}; ") +
                  $"tính cả các lần trước: {Counts(summary.Accepted, summary.Duplicates, summary.RejectedRows)}.");
            if (summary.RejectedRows > 0)
            {
                await output.WriteLineAsync($"Các dòng bị từ chối: {summary.ReportPath}");
            }

            return summary.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await errors.WriteLineAsync($"{Environment.NewLine}Đã dừng. Chạy lại cùng lệnh để tiếp tục từ điểm dừng ({options.StatePath}).");
            return 2;
        }
        catch (UnauthorizedAccessException ex)
        {
            // Typically the export's folder is read-only, and the checkpoint and the report go beside the file by default.
            await errors.WriteLineAsync(
                $"{Environment.NewLine}Lỗi: {ex.Message} Tệp điểm dừng ({options.StatePath}) và báo cáo ({options.ReportPath}) được ghi cạnh tệp CSV; " +
                "chọn nơi khác bằng --state và --report.");
            return 2;
        }
        catch (Exception ex) when (ex is LeaderboardClientException { StatusCode: null or 408 or 429 or >= 500 } or HttpRequestException)
        {
            // The server did not take a batch: what it acknowledged before is in the checkpoint, and a re-run goes on from it.
            await errors.WriteLineAsync(
                $"{Environment.NewLine}Lỗi: {ex.Message}{Environment.NewLine}Các dòng máy chủ đã xác nhận được ghi trong {options.StatePath}: "
                + $"chạy lại cùng lệnh để tiếp tục từ đó; thêm --retries (ví dụ --retries 100) để chờ máy chủ lâu hơn.");
            return 2;
        }
        catch (Exception ex) when (ex is ImportException or LeaderboardClientException or IOException)
        {
            await errors.WriteLineAsync($"{Environment.NewLine}Lỗi: {ex.Message}");
            return 2;
        }
    }
}
