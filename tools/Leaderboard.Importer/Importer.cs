using Leaderboard.Client;

namespace Leaderboard.Importer;

/// <summary>
/// Imports one export: reads rows, maps them to events, sends them in batches through <see cref="LeaderboardClient"/>
/// (which retries safely), writes rejected rows to the report, and saves a checkpoint after every acknowledged batch.
/// A re-run with the checkpoint skips the rows it covers, when the file is the same up to there; any re-run, with or
/// without it, is exact, because event ids come from the rows and the server answers what it holds as duplicates.
/// </summary>
/// <param name="time">When each checkpoint is saved, which a later run tells the user.</param>
public sealed class Importer(ImportOptions options, LeaderboardClient client, ProgressBar progress, TextWriter messages, TimeProvider time)
{
    /// <summary>Missing optional columns are told once per run, not again on a second pass over the file.</summary>
    private bool _warnedOfColumns;

    /// <summary>Called after each batch is acknowledged and its checkpoint saved.</summary>
    public Action<ImportCheckpoint>? BatchAcknowledged { get; init; }

    public async Task<ImportSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(options.File))
        {
            throw new ImportException($"Không tìm thấy tệp '{options.File}'.");
        }

        var separator = CsvReader.Detect(FirstLine(options.File));
        var state = ImportState.Load(options.StatePath);
        var server = options.Url.ToString();
        if (state is not null && state.Url is { } url && url != server)
        {
            await messages.WriteLineAsync($"Điểm dừng của lần nhập trước là của máy chủ {url}, không phải {server}: nhập lại từ đầu; sự kiện đã có sẽ được báo là trùng lặp.");
            state = null;
        }
        else if (state is not null)
        {
            var (same, complete) = await CompareAsync(state, separator);
            // Rows are spreadsheet rows, as the report numbers them: the checkpoint's row 37 is the 36th row of data.
            var data = string.Create(ImportText.Vietnamese, $"{state.Row - 1:N0} dòng dữ liệu");
            var batch = ImportText.Rows(LastBatchFirstRow(state), state.Row);
            if (!same)
            {
                await messages.WriteLineAsync(string.Create(
                    ImportText.Vietnamese,
                    $"Tệp đã thay đổi so với lần nhập trước (điểm dừng ở dòng {state.Row:N0}): nhập lại từ đầu; sự kiện đã có sẽ được báo là trùng lặp."));
                state = null;
            }
            else if (complete)
            {
                // Said plainly: nothing is left to import, and what is sent is sent only to check.
                var saved = state.SavedAt is { } at ? ", máy chủ xác nhận " + ImportText.At(at) : "";
                await messages.WriteLineAsync(
                    $"Tệp đã được nhập hết ở lần chạy trước ({data}{saved}): không có dòng nào mới để gửi, chỉ gửi lại lô cuối ({batch}) để kiểm tra máy chủ còn giữ.");
            }
            else
            {
                var saved = state.SavedAt is { } at ? $" ({ImportText.At(at)})" : "";
                await messages.WriteLineAsync(string.Create(
                    ImportText.Vietnamese,
                    $"Máy chủ đã xác nhận {data} đầu ({ImportText.Rows(2, state.Row)}) ở lần chạy trước{saved}: gửi lại lô cuối ({batch}) để kiểm tra máy chủ còn giữ, "
                    + $"rồi bỏ qua các dòng đó và tiếp tục từ dòng {state.Row + 1:N0}."));
            }
        }

        try
        {
            var (summary, storedByCheck) = await PassAsync(state, separator, 0, cancellationToken);
            if (summary is null)
            {
                // The server answered part of the last acknowledged batch as new: it is not the store that acknowledged
                // it (another server, or an embedded node started again, which keeps events in memory only).
                await messages.WriteLineAsync("Máy chủ không còn giữ các sự kiện mà lần chạy trước đã được xác nhận (máy chủ khác, hoặc máy chủ chạy kho trong bộ nhớ đã khởi động lại): nhập lại từ đầu.");
                (summary, _) = await PassAsync(null, separator, storedByCheck, cancellationToken);
            }

            return summary ?? throw new InvalidOperationException("a pass without a checkpoint has nothing to check");
        }
        finally
        {
            // Nothing refused in any run (or a run that stopped before anything was): a report of its header alone would
            // only be a file to open for nothing.
            if (File.Exists(options.ReportPath) && File.ReadLines(options.ReportPath).Skip(1).All(string.IsNullOrEmpty))
            {
                File.Delete(options.ReportPath);
            }
        }
    }

    /// <summary>
    /// One pass over the file from <paramref name="state"/>'s checkpoint (or the start). The summary is null when the check
    /// of the checkpoint failed; the count is then how many events that check stored (the server did not hold them).
    /// </summary>
    /// <param name="storedByCheck">Events a failed check stored just before this pass: this pass finds them as
    /// duplicates, but this run stored them, so they count as new.</param>
    private async Task<(ImportSummary? Summary, int StoredByCheck)> PassAsync(ImportState? state, char separator, int storedByCheck, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(options.File, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var text = new StreamReader(stream, ImportText.StrictUtf8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvReader(text, separator);
        var header = csv.Read() ?? throw new ImportException($"Tệp '{options.File}' rỗng.");
        var absent = options.Columns.Bind(header);
        if (!_warnedOfColumns)
        {
            _warnedOfColumns = true;
            foreach (var field in absent)
            {
                await messages.WriteLineAsync(
                    $"Cảnh báo: không thấy cột '{options.Columns.HeaderOf(field)}' ({field}): {Columns.WithoutColumn(field)}. "
                    + "Nếu tệp đặt tên khác, dừng lại (Ctrl+C) và dùng --map \"Tên cột=trường\".");
            }
        }

        using var digest = new RowDigest();
        digest.Append(header);
        var mapper = new RowMapper(options.Columns, RowMapper.VietnamTime());
        using var report = new RejectionReport(options.ReportPath, header, state?.ReportLength);
        var run = new Run(state);
        var skipThrough = state?.Row ?? 1;
        var probeFrom = state is null ? int.MaxValue : LastBatchFirstRow(state);
        var probe = new List<EventBody>();
        var startFraction = 0.0;

        while (csv.Read() is { } record)
        {
            var row = csv.Row;
            digest.Append(record);
            // Rows covered by the checkpoint are still mapped: a later payment row of the same dossier then does not
            // send the dossier's receipt again.
            var (events, errors) = mapper.Map(row, record);
            if (row <= skipThrough)
            {
                run.Skipped++;
                if (row >= probeFrom)
                {
                    probe.AddRange(events.Select(e => e.Event));
                }

                startFraction = Fraction(csv, stream);
                continue;
            }

            if (probe.Count > 0 && await CheckAsync(probe, run, cancellationToken) is > 0 and var stored)
            {
                return (null, stored);
            }

            run.Rows++;
            run.Add(row, record, events, errors);
            if (run.Events.Count >= options.BatchSize)
            {
                await FlushAsync(run, report, digest, cancellationToken);
                // The bar tells what the server acknowledged, not what was read: a server that cannot be reached
                // leaves it where it was.
                progress.Report(run.Rows, Fraction(csv, stream), startFraction);
            }
        }

        if (probe.Count > 0 && await CheckAsync(probe, run, cancellationToken) is > 0 and var storedAtEnd)
        {
            return (null, storedAtEnd);
        }

        if (run.LastRow > 0)
        {
            await FlushAsync(run, report, digest, cancellationToken);
        }

        run.Count(storedByCheck, -Math.Min(storedByCheck, run.ThisRun.Duplicates), 0);
        progress.Report(run.Rows, 1, startFraction, final: true);
        var check = state is null ? null : new ImportCheck(probeFrom, state.Row, state.SavedAt, run.CheckDuplicates, run.CheckRejected);
        return (new ImportSummary(
            run.Skipped + run.Rows, run.Skipped, run.Accepted, run.Duplicates, run.RejectedRows, options.ReportPath, run.ThisRun, check), 0);
    }

    /// <summary>
    /// Sends the last acknowledged batch again (once; the list is emptied) and returns how many of its events the server
    /// took as new: a server that still holds it answers duplicates (or the same rejections), and any event it accepts
    /// says it is not the store that acknowledged it. The send also finds a wrong key or a server that is not there
    /// before anything is skipped on trust. What it answered is kept apart from the run's counts, which it would inflate:
    /// those events were counted when they were first sent.
    /// </summary>
    private async Task<int> CheckAsync(List<EventBody> probe, Run run, CancellationToken cancellationToken)
    {
        var answer = await client.SendAsync([.. probe], cancellationToken);
        probe.Clear();
        run.CheckDuplicates += answer.Duplicates;
        run.CheckRejected += answer.Rejected.Count;
        return answer.Accepted;
    }

    private async Task FlushAsync(Run run, RejectionReport report, RowDigest digest, CancellationToken cancellationToken)
    {
        var answer = await SendWithCorrectionsAsync([.. run.Events.Select(e => e.Event)], cancellationToken);
        foreach (var r in answer.Rejected)
        {
            var source = run.Events[(int)r.Index];
            run.Errors.Add(new RowError(source.Row, ColumnOf(source.Event.Type, r.Field), r.Field, r.Error, PartOf(source.Event.Type)));
        }

        // A row makes up to four events, and the server answers for each: the report names which part of the row was
        // refused (the others went in), once per reason, with the parts it applies to ("tiếp nhận, thanh toán: …").
        var lines = run.Errors
            .GroupBy(e => (e.Row, e.Column, e.Field, e.Error))
            .Select(g => g.First() with { Part = g.Any(e => e.Part is null) ? null : string.Join(", ", g.Select(e => e.Part).Distinct()) })
            .OrderBy(e => e.Row);
        foreach (var error in lines)
        {
            report.Write(error, run.Records[error.Row]);
        }

        report.Flush();
        // A row never spans two batches, so rows counted here are counted once.
        run.Count(answer.Accepted, answer.Duplicates, run.Errors.Select(e => e.Row).Distinct().Count());
        new ImportState(
            run.LastRow, digest.Current, report.Length, run.Accepted, run.Duplicates, run.RejectedRows, options.Url.ToString(), run.FirstRow, time.GetUtcNow())
            .Save(options.StatePath);
        run.Batches++;
        var checkpoint = new ImportCheckpoint(run.Batches, run.LastRow);
        run.Clear();
        BatchAcknowledged?.Invoke(checkpoint);
    }

    /// <summary>
    /// Sends a batch; an event the server refuses because its id holds other content (field <c>id</c>) comes from a row
    /// changed since it was first imported (a later export corrected a due date, a finish time, a unit). It is sent
    /// again under an id that tells its content apart (<see cref="RowMapper.CorrectionId"/>), which events.md takes as
    /// a correction ("another dossier.received for a known dossier corrects it"; for a finish or a payment, the latest
    /// <c>occurredAt</c> holds). The same corrected file imported again finds those as duplicates.
    /// </summary>
    private async Task<IngestionAnswer> SendWithCorrectionsAsync(EventBody[] events, CancellationToken cancellationToken)
    {
        var answer = await client.SendAsync(events, cancellationToken);
        var conflicts = answer.Rejected.Where(r => r.Field == "id").ToList();
        if (conflicts.Count == 0)
        {
            return answer;
        }

        var corrections = conflicts.Select(r => events[(int)r.Index] with { Id = RowMapper.CorrectionId(events[(int)r.Index]) }).ToArray();
        var again = await client.SendAsync(corrections, cancellationToken);
        var rejected = answer.Rejected.Where(r => r.Field != "id")
            .Concat(again.Rejected.Select(r => r with { Index = conflicts[(int)r.Index].Index }))
            .OrderBy(r => r.Index)
            .ToList();
        return new IngestionAnswer(answer.Accepted + again.Accepted, answer.Duplicates + again.Duplicates, rejected);
    }

    /// <summary>
    /// Whether the file reads, up to the checkpoint's row, as it did when the checkpoint was saved; and whether it ends
    /// there, so that a re-run has nothing to send but the check.
    /// </summary>
    private async Task<(bool Same, bool Complete)> CompareAsync(ImportState state, char separator)
    {
        await using var stream = new FileStream(options.File, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var text = new StreamReader(stream, ImportText.StrictUtf8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvReader(text, separator);
        using var digest = new RowDigest();
        while (csv.Row < state.Row && csv.Read() is { } record)
        {
            digest.Append(record);
        }

        var same = csv.Row == state.Row && digest.Current == state.Digest;
        return (same, same && csv.Read() is null);
    }

    /// <summary>The rows of the last acknowledged batch start here (its last row alone for a checkpoint saved before that was recorded).</summary>
    private static int LastBatchFirstRow(ImportState state) => state.BatchFirstRow > 0 ? state.BatchFirstRow : state.Row;

    private string ColumnOf(string type, string field) => field switch
    {
        "unit" => options.Columns.HeaderOf(Columns.Unit),
        "dossier" => options.Columns.HeaderOf(Columns.Dossier),
        "procedure" => options.Columns.HeaderOf(Columns.Procedure),
        "channel" => options.Columns.HeaderOf(Columns.Channel),
        "dueAt" => options.Columns.HeaderOf(Columns.DueAt),
        "payment" => options.Columns.HeaderOf(Columns.Payment),
        "amount" => options.Columns.HeaderOf(Columns.Amount),
        "method" => options.Columns.HeaderOf(Columns.Method),
        "occurredAt" => options.Columns.HeaderOf(type switch
        {
            EventTypes.DossierReceived => Columns.ReceivedAt,
            EventTypes.DossierFinished => Columns.FinishedAt,
            _ => Columns.PaidAt,
        }),
        _ => "",
    };

    /// <summary>Which part of a row an event is, as the report names it.</summary>
    private static string PartOf(string type) => type switch
    {
        EventTypes.DossierReceived => "tiếp nhận",
        EventTypes.DossierFinished => "kết quả xử lý",
        EventTypes.PaymentCompleted => "thanh toán",
        EventTypes.PaymentRefunded => "hoàn phí",
        _ => type,
    };

    private static double Fraction(CsvReader csv, FileStream stream) => stream.Length == 0 ? 1 : Math.Min(1, (double)csv.BytesRead / stream.Length);

    private static string FirstLine(string path)
    {
        using var reader = new StreamReader(path, ImportText.StrictUtf8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadLine() ?? "";
    }

    /// <summary>This run's batch in the making, its counts and the totals over all runs.</summary>
    private sealed class Run(ImportState? resumed)
    {
        public List<RowEvent> Events { get; } = [];

        public List<RowError> Errors { get; } = [];

        public Dictionary<int, string[]> Records { get; } = [];

        public int FirstRow { get; private set; }

        public int LastRow { get; private set; }

        public int Rows { get; set; }

        public int Skipped { get; set; }

        public int Batches { get; set; }

        /// <summary>Events of the checkpoint's last batch, sent again to check, that the server answered as held.</summary>
        public int CheckDuplicates { get; set; }

        /// <summary>Events of that batch it refused.</summary>
        public int CheckRejected { get; set; }

        public int Accepted => (resumed?.Accepted ?? 0) + ThisRun.Accepted;

        public int Duplicates => (resumed?.Duplicates ?? 0) + ThisRun.Duplicates;

        public int RejectedRows => (resumed?.RejectedRows ?? 0) + ThisRun.RejectedRows;

        public ImportCounts ThisRun { get; private set; } = new(0, 0, 0);

        public void Count(int accepted, int duplicates, int rejectedRows) =>
            ThisRun = new ImportCounts(ThisRun.Accepted + accepted, ThisRun.Duplicates + duplicates, ThisRun.RejectedRows + rejectedRows);

        public void Add(int row, string[] record, List<RowEvent> events, List<RowError> errors)
        {
            Events.AddRange(events);
            Errors.AddRange(errors);
            Records[row] = record;
            if (FirstRow == 0)
            {
                FirstRow = row;
            }

            LastRow = row;
        }

        public void Clear()
        {
            Events.Clear();
            Errors.Clear();
            Records.Clear();
            FirstRow = 0;
            LastRow = 0;
        }
    }
}
