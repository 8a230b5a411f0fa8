using System.Text;
using Leaderboard.Client;

namespace Leaderboard.Importer;

/// <summary>The command: arguments in, messages out, an exit code (0 done, 1 some rows rejected, 2 cannot go on).</summary>
public static class ImportCommand
{
    public static Task<int> RunAsync(
        IReadOnlyList<string> args, Func<string, string?> environment, TextWriter output, TextWriter errors, bool interactive, CancellationToken cancellationToken) =>
        RunAsync(args, environment, output, errors, interactive, TimeProvider.System, cancellationToken);

    /// <param name="time">The clock of the progress bar and of the checkpoints' times, which a re-run tells.</param>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        Func<string, string?> environment,
        TextWriter output,
        TextWriter errors,
        bool interactive,
        TimeProvider time,
        CancellationToken cancellationToken)
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
                ImportText.Vietnamese,
                $"{Environment.NewLine}Gửi chưa được ({(r.StatusCode is { } s ? $"HTTP {s}" : r.Error?.Message)}); thử lại lần {r.Attempt} sau {r.Delay.TotalSeconds:0.#} giây.")),
        });
        var importer = new Importer(options, client, new ProgressBar(errors, interactive, time), errors, time);
        try
        {
            var summary = await importer.RunAsync(cancellationToken);
            await output.WriteLineAsync(Describe(summary));
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
        catch (DecoderFallbackException)
        {
            // A whole file in another encoding breaks on its header; one stray byte further on is that row's problem, and
            // saving the file again from a spreadsheet could spoil every other row.
            var message = Utf8Check.FirstInvalid(options.File) is { Line: > 1 } at
                ? ImportText.NotUtf8At(options.File, at.Line, at.Byte, options.StatePath)
                : ImportText.NotUtf8(options.File);
            await errors.WriteLineAsync($"{Environment.NewLine}Lỗi: {message}");
            return 2;
        }
        catch (Exception ex) when (ex is ImportException or LeaderboardClientException or IOException)
        {
            await errors.WriteLineAsync($"{Environment.NewLine}Lỗi: {ex.Message}");
            return 2;
        }
    }

    /// <summary>
    /// The summary on standard output. A run that went on from a checkpoint says which rows it skipped and which it sent,
    /// and tells the check of the checkpoint apart from what it imported: after a finished import, a re-run imports
    /// nothing, and a line saying "Đã nhập 36 dòng" after "Tiếp tục sau dòng 37" read as if rows had gone in again.
    /// </summary>
    private static string Describe(ImportSummary summary)
    {
        static string N(int n) => n.ToString("N0", ImportText.Vietnamese);
        static string Counts(int accepted, int duplicates, int rejectedRows) =>
            $"{N(accepted)} sự kiện mới, {N(duplicates)} sự kiện đã có (trùng lặp), {N(rejectedRows)} dòng bị từ chối";
        var total = Counts(summary.Accepted, summary.Duplicates, summary.RejectedRows);
        if (summary.Check is not { } check)
        {
            return $"Đã nhập {N(summary.Rows)} dòng: {total}.";
        }

        var skipped = $"{N(summary.SkippedRows)} dòng dữ liệu ({ImportText.Rows(2, check.LastRow)})";
        var batch = $"lô cuối ({ImportText.Rows(check.FirstRow, check.LastRow)}) để kiểm tra máy chủ còn giữ";
        var answer = $"0 sự kiện mới, {N(check.Duplicates)} sự kiện đã có (trùng lặp)" + (check.Rejected > 0 ? $", {N(check.Rejected)} sự kiện bị từ chối" : "");
        var sent = summary.Rows - summary.SkippedRows;
        var nl = Environment.NewLine;
        if (sent == 0)
        {
            var at = check.SavedAt is { } saved ? " " + ImportText.At(saved) : "";
            return $"Tệp đã được nhập hết ở lần chạy trước: máy chủ đã xác nhận cả {skipped}{at}.{nl}"
                + $"Lần chạy này không gửi dòng nào mới, chỉ gửi lại {batch}: {answer}.{nl}"
                + $"Tính cả các lần trước: {total}.";
        }

        var when = check.SavedAt is { } acknowledged ? $" ({ImportText.At(acknowledged)})" : "";
        var run = summary.ThisRun;
        return $"Tệp có {N(summary.Rows)} dòng dữ liệu: bỏ qua {skipped} mà máy chủ đã xác nhận ở lần chạy trước{when}, gửi {N(sent)} dòng còn lại.{nl}"
            + $"Trước khi bỏ qua, gửi lại {batch}: {answer}.{nl}"
            + $"{N(sent)} dòng gửi ở lần chạy này: {Counts(run.Accepted, run.Duplicates, run.RejectedRows)}. Tính cả các lần trước: {total}.";
    }
}
