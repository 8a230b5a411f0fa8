using System.Text;
using Leaderboard.Client;
using Leaderboard.Importer;
using Leaderboard.Testing;
using Leaderboard.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Leaderboard.Tests.Toolkit;

/// <summary>
/// The importer against a real node: the sample export (a copy of ../shared/data/sample-export/ho-so-2024.csv) with
/// totals per unit computed independently, and a generated export of 100,000 rows interrupted after some batches and
/// run again: exact totals, a skip-ahead from the checkpoint, and a report listing exactly the rows broken on purpose.
/// </summary>
public sealed class ImporterTests(LeaderboardServerFixture fixture) : IClassFixture<LeaderboardServerFixture>, IDisposable
{
    private static readonly string SampleExport = Path.Combine(AppContext.BaseDirectory, "Toolkit", "Data", "ho-so-2024.csv");

    private static readonly string NewLine = Environment.NewLine;

    private readonly LeaderboardServer _server = fixture.Server;
    private readonly string _folder = Directory.CreateTempSubdirectory("import-").FullName;

    [Fact]
    public async Task The_sample_export_imports_with_exact_totals_per_unit_and_a_second_run_changes_nothing()
    {
        var rows = File.ReadAllLines(SampleExport, Encoding.UTF8).Skip(1).Select(ExportRow.Parse).ToList();
        var expected = ExpectedTotals.Of(rows);
        Assert.Equal(6, expected.Count);
        var before = await ReadAsync(expected.Keys);
        var file = Path.Combine(_folder, "ho-so-2024.csv");
        File.Copy(SampleExport, file);
        var output = new StringWriter();
        var errors = new StringWriter();
        string[] args = ["--file", file, "--url", _server.Address.ToString(), "--batch", "10"];
        // 12:02 UTC: 19:02 in Vietnam, which a re-run names as the time the rows were confirmed.
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 12, 31, 12, 2, 0, TimeSpan.Zero));

        var exit = await ImportCommand.RunAsync(args, Key, output, errors, interactive: false, clock, CancellationToken.None);

        Assert.True(exit == 0, $"{output}{errors}");
        await UnitTotals.ExpectAsync(_server, Plus(before, expected));
        // 36 rows, 36 receipts, 20 finishes, 26 payments, one of them refunded.
        Assert.Contains("Đã nhập 36 dòng: 83 sự kiện mới, 0 sự kiện đã có (trùng lặp), 0 dòng bị từ chối.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("100,0 %", errors.ToString(), StringComparison.Ordinal);
        // Four batches of ten rows, each acknowledged in turn: the bar moves with them.
        Assert.True(errors.ToString().Split('\n').Count(l => l.Contains(" %", StringComparison.Ordinal)) >= 4, errors.ToString());

        // Run again: the checkpoint covers every row. The run says the file was imported already, and when; that it sent
        // the last batch again only to check the server still holds it; and that nothing was new. It used to say it went
        // on "after row 37" and then "Đã nhập 36 dòng", as if rows had gone in again. (The rows before row 37 filled the
        // batches of ten events before it: the last batch is row 37 alone.)
        var state = ImportState.Load(file + ".import-state.json")!;
        Assert.Equal(37, state.BatchFirstRow);
        var lastBatch = "dòng 37";
        var checkedEvents = EventsFrom(rows, 37, new());
        var again = new StringWriter();
        var againErrors = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(args, Key, again, againErrors, interactive: false, clock, CancellationToken.None));
        Assert.Contains(
            $"Tệp đã được nhập hết ở lần chạy trước (36 dòng dữ liệu, máy chủ xác nhận lúc 19:02 ngày 31/12/2024): không có dòng nào mới để gửi, chỉ gửi lại lô cuối ({lastBatch}) để kiểm tra máy chủ còn giữ.",
            againErrors.ToString(),
            StringComparison.Ordinal);
        Assert.Equal(
            "Tệp đã được nhập hết ở lần chạy trước: máy chủ đã xác nhận cả 36 dòng dữ liệu (dòng 2–37) lúc 19:02 ngày 31/12/2024." + NewLine
            + $"Lần chạy này không gửi dòng nào mới, chỉ gửi lại lô cuối ({lastBatch}) để kiểm tra máy chủ còn giữ: 0 sự kiện mới, {checkedEvents} sự kiện đã có (trùng lặp)." + NewLine
            + "Tính cả các lần trước: 83 sự kiện mới, 0 sự kiện đã có (trùng lặp), 0 dòng bị từ chối." + NewLine,
            again.ToString());

        // A checkpoint saved before its time was recorded: the same, without a time.
        (state with { SavedAt = null }).Save(file + ".import-state.json");
        var older = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(args, Key, older, TextWriter.Null, interactive: false, clock, CancellationToken.None));
        Assert.StartsWith("Tệp đã được nhập hết ở lần chạy trước: máy chủ đã xác nhận cả 36 dòng dữ liệu (dòng 2–37)." + NewLine, older.ToString(), StringComparison.Ordinal);

        // Without the checkpoint, every event is a duplicate. Neither counts twice.
        File.Delete(file + ".import-state.json");
        var fresh = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(args, Key, fresh, TextWriter.Null, interactive: false, CancellationToken.None));
        Assert.Contains("0 sự kiện mới, 83 sự kiện đã có (trùng lặp)", fresh.ToString(), StringComparison.Ordinal);
        await UnitTotals.ExpectAsync(_server, Plus(before, expected));
    }

    [Fact]
    public async Task Renamed_columns_are_found_through_the_map_and_a_missing_one_stops_the_import_with_exit_code_2()
    {
        var (file, rows) = TaggedWithHeader("renamed.csv", "Mã đơn vị", "Đơn vị tiếp nhận");
        string[] args = ["--file", file, "--url", _server.Address.ToString()];
        var expected = ExpectedTotals.Of(rows);
        var before = await ReadAsync(expected.Keys);
        var errors = new StringWriter();

        Assert.Equal(2, await ImportCommand.RunAsync(args, Key, TextWriter.Null, errors, interactive: false, CancellationToken.None));
        Assert.Contains("Thiếu cột bắt buộc: 'Mã đơn vị' (unit)", errors.ToString(), StringComparison.Ordinal);

        var output = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync([.. args, "--map", "Đơn vị tiếp nhận=unit"], Key, output, TextWriter.Null, interactive: false, CancellationToken.None));
        Assert.Contains("Đã nhập 36 dòng", output.ToString(), StringComparison.Ordinal);

        // Counted before the next test reads its own starting figures from the same units.
        await UnitTotals.ExpectAsync(_server, Plus(before, expected));
    }

    [Fact]
    public async Task A_file_saved_in_Windows_1258_is_refused_with_a_word_about_the_encoding_not_missing_columns()
    {
        // An older spreadsheet saves Vietnamese in Windows-1258. It used to be read with replacement characters, and the
        // user was told that 'Mã đơn vị' and the other columns were missing, in a file that plainly has them.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var file = Path.Combine(_folder, "windows-1258.csv");
        await File.WriteAllTextAsync(file, await File.ReadAllTextAsync(SampleExport, Encoding.UTF8), Encoding.GetEncoding(1258));
        var errors = new StringWriter();

        Assert.Equal(2, await ImportCommand.RunAsync(["--file", file, "--url", _server.Address.ToString()], Key, TextWriter.Null, errors, interactive: false, CancellationToken.None));

        Assert.Contains($"Tệp '{file}' không phải UTF-8: có lẽ đã lưu bằng bảng mã Windows-1258 hoặc TCVN3.", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Thiếu cột", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_stray_byte_further_down_is_named_by_its_line_not_blamed_on_the_whole_file()
    {
        // A file that is UTF-8 but for one byte on row 30 was told it was probably Windows-1258, and to save it again from
        // a spreadsheet: Excel reads a UTF-8 file without a byte-order mark as ANSI, so that would spoil every row.
        var lines = await File.ReadAllLinesAsync(SampleExport, Encoding.UTF8);
        var bytes = new List<byte>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = Encoding.UTF8.GetBytes(lines[i]).ToList();
            if (i == 29)
            {
                line.Insert(4, 0xFF);
            }

            bytes.AddRange(line);
            bytes.Add((byte)'\n');
        }

        var file = Path.Combine(_folder, "one-stray-byte.csv");
        await File.WriteAllBytesAsync(file, [.. bytes]);
        var errors = new StringWriter();

        Assert.Equal(2, await ImportCommand.RunAsync(["--file", file, "--url", _server.Address.ToString()], Key, TextWriter.Null, errors, interactive: false, CancellationToken.None));

        Assert.Contains($"Tệp '{file}' có byte không phải UTF-8 ở dòng 30 (byte thứ 5 của dòng)", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Windows-1258", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_optional_column_is_said_before_the_import_and_a_mapped_header_not_in_the_file_stops_it()
    {
        var (file, rows) = TaggedWithHeader("renamed-optional.csv", "Ngày kết thúc xử lý", "Ngày kết thúc");
        string[] args = ["--file", file, "--url", _server.Address.ToString()];
        var expected = ExpectedTotals.Of(rows.Select(r => r with { FinishedAt = "" }));
        var before = await ReadAsync(expected.Keys);

        // A mapped header that is not in the file: the user said where the field is, and it is not there.
        var refused = new StringWriter();
        Assert.Equal(2, await ImportCommand.RunAsync([.. args, "--map", "Ngay ket thuc=finishedAt"], Key, TextWriter.Null, refused, interactive: false, CancellationToken.None));
        Assert.Contains("Không thấy cột đã chỉ định bằng --map: 'Ngay ket thuc' (finishedAt)", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("'Ngày kết thúc'", refused.ToString(), StringComparison.Ordinal);

        // Without a map the import goes on, but says first that no finish will be imported, and how to map it.
        var errors = new StringWriter();
        var output = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(args, Key, output, errors, interactive: false, CancellationToken.None));
        Assert.Contains("Cảnh báo: không thấy cột 'Ngày kết thúc xử lý' (finishedAt): không có sự kiện hồ sơ giải quyết xong.", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("Đã nhập 36 dòng: 61 sự kiện mới", output.ToString(), StringComparison.Ordinal);
        await UnitTotals.ExpectAsync(_server, Plus(before, expected));
    }

    [Fact]
    public async Task A_later_export_that_corrects_rows_corrects_their_events_and_importing_it_again_changes_nothing()
    {
        var file = Tagged("sua-sau.csv");
        var rows = File.ReadAllLines(file, Encoding.UTF8).Skip(1).Select(ExportRow.Parse).ToList();
        var before = await ReadAsync(ExpectedTotals.Of(rows).Keys);
        string[] args = ["--file", file, "--url", _server.Address.ToString()];
        Assert.Equal(0, await ImportCommand.RunAsync(args, Key, TextWriter.Null, TextWriter.Null, interactive: false, CancellationToken.None));

        // The next month's export: a dossier finished on time now has a due date before its finish (late), and its
        // only row says so: its receipt and finish (both carry the due date) change. Before, the importer's ids kept the first content and the server refused the new one.
        var dossier = rows.GroupBy(r => r.Dossier).First(g => g.Count() == 1 && g.Single().FinishedAt.Length > 0 && g.Single().DueAt.Length > 0).Key;
        var changed = rows.Select(r => r.Dossier == dossier ? r with { DueAt = r.ReceivedAt[..10] } : r).ToList();
        File.WriteAllLines(file, [ExportRow.Header, .. changed.Select(r => r.ToCsv())], new UTF8Encoding(true));
        File.Delete(file + ".import-state.json");

        var output = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(args, Key, output, TextWriter.Null, interactive: false, CancellationToken.None));
        Assert.True(output.ToString().Contains("2 sự kiện mới, 81 sự kiện đã có (trùng lặp), 0 dòng bị từ chối", StringComparison.Ordinal), output.ToString());
        await UnitTotals.ExpectAsync(_server, Plus(before, ExpectedTotals.Of(changed)));

        File.Delete(file + ".import-state.json");
        var again = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(args, Key, again, TextWriter.Null, interactive: false, CancellationToken.None));
        Assert.Contains("0 sự kiện mới, 83 sự kiện đã có (trùng lặp), 0 dòng bị từ chối", again.ToString(), StringComparison.Ordinal);
        await UnitTotals.ExpectAsync(_server, Plus(before, ExpectedTotals.Of(changed)));
    }

    [Fact]
    public async Task A_re_run_checks_its_checkpoint_against_the_server_before_it_skips_anything()
    {
        var rows = File.ReadAllLines(SampleExport, Encoding.UTF8).Skip(1).Select(ExportRow.Parse).ToList();
        var expected = ExpectedTotals.Of(rows);
        var first = Tagged("da-nhap.csv");
        string[] Args(string file) => ["--file", file, "--url", _server.Address.ToString(), "--batch", "10"];
        var before = await ReadAsync(expected.Keys);
        Assert.Equal(0, await ImportCommand.RunAsync(Args(first), Key, TextWriter.Null, TextWriter.Null, interactive: false, CancellationToken.None));
        var afterFirst = Plus(before, expected);
        await UnitTotals.ExpectAsync(_server, afterFirst);
        // Nothing was rejected: no report is left beside the file.
        Assert.False(File.Exists(first + ".rejected.csv"));

        // The checkpoint covers every row, but the key is wrong: that is an error, not "nothing left to do".
        var errors = new StringWriter();
        var output = new StringWriter();
        Assert.Equal(2, await ImportCommand.RunAsync(Args(first), name => name == ImportOptions.KeyVariable ? "khong-dung" : null, output, errors, interactive: false, CancellationToken.None));
        // Title and detail as two sentences; and no advice to re-run, which a wrong key would not mend.
        Assert.Contains("(HTTP 401): Thiếu khóa hoặc khóa không hợp lệ. Gửi khóa", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("chạy lại cùng lệnh", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Đã nhập", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(first + ".rejected.csv"));

        // A checkpoint whose events the server does not hold (as after an embedded node started again): another file
        // of other dossiers, given the first file's checkpoint with its own digest, so that it matches in every way.
        var second = Tagged("chua-nhap.csv");
        var state = ImportState.Load(first + ".import-state.json")!;
        (state with { Digest = DigestOf(second) }).Save(second + ".import-state.json");
        var messages = new StringWriter();
        output = new StringWriter();

        Assert.Equal(0, await ImportCommand.RunAsync(Args(second), Key, output, messages, interactive: false, CancellationToken.None));

        Assert.Contains("Máy chủ không còn giữ", messages.ToString(), StringComparison.Ordinal);
        await UnitTotals.ExpectAsync(_server, Plus(afterFirst, expected));
        // The last batch went in while checking and the pass that followed found it there: nothing counted twice, and
        // the summary counts all 83 as stored by this run.
        Assert.Contains("Đã nhập 36 dòng: 83 sự kiện mới, 0 sự kiện đã có (trùng lặp)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resumed_import_tells_the_rows_it_skipped_from_the_rows_it_sent_and_the_check_from_this_runs_counts()
    {
        var file = Tagged("tiep-tuc.csv");
        var lines = File.ReadAllLines(file, Encoding.UTF8);
        var rows = lines.Skip(1).Select(ExportRow.Parse).ToList();
        var expected = ExpectedTotals.Of(rows);
        var before = await ReadAsync(expected.Keys);
        string[] args = ["--file", file, "--url", _server.Address.ToString(), "--batch", "10"];
        // 01:30 UTC: 08:30 in Vietnam.
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 7, 15, 1, 30, 0, TimeSpan.Zero));

        // The first run got as far as row 21 (rows 2–21, the first 20 rows of data), leaving the checkpoint an
        // interrupted run leaves; the file then reads on as before.
        File.WriteAllLines(file, lines[..21], new UTF8Encoding(true));
        Assert.Equal(0, await ImportCommand.RunAsync(args, Key, TextWriter.Null, TextWriter.Null, interactive: false, clock, CancellationToken.None));
        File.WriteAllLines(file, lines, new UTF8Encoding(true));
        var state = ImportState.Load(file + ".import-state.json")!;
        Assert.Equal(21, state.Row);
        Assert.InRange(state.BatchFirstRow, 3, 20);
        var lastBatch = $"dòng {state.BatchFirstRow}–21";
        var checkedEvents = EventsFrom(rows, state.BatchFirstRow, new()) - EventsFrom(rows, 22, new());
        var sentEvents = EventsFrom(rows, 22, new());

        var output = new StringWriter();
        var messages = new StringWriter();
        Assert.Equal(0, await ImportCommand.RunAsync(args, Key, output, messages, interactive: false, clock, CancellationToken.None));
        await UnitTotals.ExpectAsync(_server, Plus(before, expected));

        Assert.Contains(
            $"Máy chủ đã xác nhận 20 dòng dữ liệu đầu (dòng 2–21) ở lần chạy trước (lúc 08:30 ngày 15/07/2024): gửi lại lô cuối ({lastBatch}) để kiểm tra máy chủ còn giữ, rồi bỏ qua các dòng đó và tiếp tục từ dòng 22.",
            messages.ToString(),
            StringComparison.Ordinal);
        // 20 rows skipped and 16 sent make the file's 36; the check's duplicates are not this run's (they were counted
        // when first sent), so this run's and the earlier runs' counts add up to the totals.
        Assert.Equal(
            "Tệp có 36 dòng dữ liệu: bỏ qua 20 dòng dữ liệu (dòng 2–21) mà máy chủ đã xác nhận ở lần chạy trước (lúc 08:30 ngày 15/07/2024), gửi 16 dòng còn lại." + NewLine
            + $"Trước khi bỏ qua, gửi lại lô cuối ({lastBatch}) để kiểm tra máy chủ còn giữ: 0 sự kiện mới, {checkedEvents} sự kiện đã có (trùng lặp)." + NewLine
            + $"16 dòng gửi ở lần chạy này: {sentEvents} sự kiện mới, 0 sự kiện đã có (trùng lặp), 0 dòng bị từ chối. "
            + "Tính cả các lần trước: 83 sự kiện mới, 0 sự kiện đã có (trùng lặp), 0 dòng bị từ chối." + NewLine,
            output.ToString());
    }

    [Fact]
    public async Task A_generated_export_of_100000_rows_interrupted_and_run_again_gives_exact_totals_and_reports_each_broken_row_once()
    {
        const int Count = 100_000;
        var tag = ToolkitEvents.NewTag();
        var (rows, broken) = ExportGenerator.Generate(tag, Count);
        var file = Path.Combine(_folder, "ho-so-lon.csv");
        ExportGenerator.Write(file, rows);
        var expected = ExpectedTotals.Of(rows, new HashSet<string> { ExportGenerator.UnknownUnit });
        var before = await ReadAsync(expected.Keys);
        var options = ImportOptions.Parse(["--file", file, "--url", _server.Address.ToString(), "--batch", "5000"], Key);

        // First run: stopped after the fourth acknowledged batch.
        using var stop = new CancellationTokenSource();
        ImportCheckpoint? last = null;
        using (var client = new LeaderboardClient(new LeaderboardClientOptions { BaseAddress = _server.Address, Key = LeaderboardServer.AdminKey }))
        {
            var first = new Importer.Importer(options, client, new ProgressBar(TextWriter.Null, false, TimeProvider.System), TextWriter.Null, TimeProvider.System)
            {
                BatchAcknowledged = c =>
                {
                    last = c;
                    if (c.Batch == 4)
                    {
                        stop.Cancel();
                    }
                },
            };
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.RunAsync(stop.Token));
        }

        Assert.Equal(4, last?.Batch);
        var checkpoint = ImportState.Load(options.StatePath);
        Assert.NotNull(checkpoint);
        Assert.Equal(last!.Row, checkpoint.Row);
        Assert.InRange(checkpoint.Row, 5_000, Count - 5_000);

        // Second run: skips what the checkpoint covers, sends the rest.
        var messages = new StringWriter();
        ImportSummary summary;
        using (var client = new LeaderboardClient(new LeaderboardClientOptions { BaseAddress = _server.Address, Key = LeaderboardServer.AdminKey }))
        {
            var second = new Importer.Importer(options, client, new ProgressBar(TextWriter.Null, false, TimeProvider.System), messages, TimeProvider.System);
            summary = await second.RunAsync();
        }

        // Spreadsheet rows and counts of rows agree, written as Vietnamese readers write numbers.
        var vietnamese = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        Assert.Contains(
            string.Create(vietnamese, $"Máy chủ đã xác nhận {checkpoint.Row - 1:N0} dòng dữ liệu đầu (dòng 2–{checkpoint.Row:N0}) ở lần chạy trước ("),
            messages.ToString(),
            StringComparison.Ordinal);
        Assert.Contains(
            string.Create(vietnamese, $"để kiểm tra máy chủ còn giữ, rồi bỏ qua các dòng đó và tiếp tục từ dòng {checkpoint.Row + 1:N0}."),
            messages.ToString(),
            StringComparison.Ordinal);
        Assert.Equal(Count, summary.Rows);
        Assert.Equal(checkpoint.Row - 1, summary.SkippedRows);
        // The check of the checkpoint found every stored event of its last batch, and is not counted in the totals.
        Assert.Equal(checkpoint.BatchFirstRow, summary.Check?.FirstRow);
        Assert.Equal(EventsFrom(rows, checkpoint.BatchFirstRow, broken) - EventsFrom(rows, checkpoint.Row + 1, broken), summary.Check?.Duplicates);
        Assert.Equal(broken.Count, summary.RejectedRows);
        Assert.Equal(1, summary.ExitCode);
        // Every valid event is stored once: accepted in either run, or a duplicate of one stored by the interrupted batch.
        Assert.Equal(ValidEvents(rows, broken), summary.Accepted + summary.Duplicates);
        await UnitTotals.ExpectAsync(_server, Plus(before, expected));

        var report = File.ReadAllLines(options.ReportPath, Encoding.UTF8);
        Assert.Equal("Dòng,Cột,Trường,Lỗi," + ExportRow.Header, report[0]);
        var reported = report.Skip(1).Select(l => l.Split(',')).Select(f => (int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture), f[1])).ToList();
        Assert.Equal(broken.Select(b => (b.Key, b.Value)), reported);
        // Once per reason, naming the parts of the row it refused (the receipt at least: its unit is unknown).
        Assert.Contains(report, l => l.Contains(ExportGenerator.UnknownUnit, StringComparison.Ordinal) && l.Contains(",unit,tiếp nhận", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_stops_the_import_with_the_bar_where_it_was()
    {
        var file = Tagged("khong-toi.csv");
        var unreachable = new Uri($"http://127.0.0.1:{FreePort.Get()}/");
        var options = ImportOptions.Parse(["--file", file, "--url", unreachable.ToString(), "--batch", "10"], Key);
        var bar = new StringWriter();
        using var client = new LeaderboardClient(new LeaderboardClientOptions { BaseAddress = unreachable, Key = LeaderboardServer.AdminKey, MaxRetries = 0 });
        var importer = new Importer.Importer(options, client, new ProgressBar(bar, false, TimeProvider.System), TextWriter.Null, TimeProvider.System);

        await Assert.ThrowsAsync<LeaderboardClientException>(() => importer.RunAsync());

        // Nothing was acknowledged, so the bar never said anything was done (it used to show 100 % of the file read).
        Assert.DoesNotContain("%", bar.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(options.StatePath));

        // The command says how to go on: run it again, and wait longer with --retries.
        var errors = new StringWriter();
        Assert.Equal(2, await ImportCommand.RunAsync(["--file", file, "--url", unreachable.ToString(), "--retries", "0"], Key, TextWriter.Null, errors, interactive: false, CancellationToken.None));
        Assert.Contains("chạy lại cùng lệnh để tiếp tục từ đó; thêm --retries", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("thử lại lần", errors.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A copy of the sample export with dossier codes of its own, so its events are new to the server.</summary>
    /// <summary>
    /// A copy of the sample export with dossier codes of its own (so tests do not see each other's events) and one
    /// header renamed; its rows as the tests model them.
    /// </summary>
    private (string File, List<ExportRow> Rows) TaggedWithHeader(string name, string header, string renamed)
    {
        var file = Path.Combine(_folder, name);
        var text = File.ReadAllText(SampleExport, Encoding.UTF8)
            .Replace(header, renamed, StringComparison.Ordinal)
            .Replace("H37-24", $"H37-{ToolkitEvents.NewTag()}-24", StringComparison.Ordinal);
        File.WriteAllText(file, text, new UTF8Encoding(true));
        return (file, [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(ExportRow.Parse)]);
    }

    private string Tagged(string name)
    {
        var file = Path.Combine(_folder, name);
        File.WriteAllText(file, File.ReadAllText(SampleExport, Encoding.UTF8).Replace("H37-24", $"H37-{ToolkitEvents.NewTag()}-24", StringComparison.Ordinal), new UTF8Encoding(true));
        return file;
    }

    private static string DigestOf(string file)
    {
        using var text = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvReader(text, CsvReader.Detect(File.ReadLines(file, Encoding.UTF8).First()));
        using var digest = new RowDigest();
        while (csv.Read() is { } record)
        {
            digest.Append(record);
        }

        return digest.Current;
    }

    private static string? Key(string name) => name == ImportOptions.KeyVariable ? LeaderboardServer.AdminKey : null;

    /// <summary>The events the rows make that the server stores (the rules of sample-export/README.md, counted by hand).</summary>
    private static int ValidEvents(List<ExportRow> rows, SortedDictionary<int, string> broken)
    {
        var count = 0;
        var dossiers = new HashSet<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var fault = broken.GetValueOrDefault(i + 2);
            if (dossiers.Add(r.Dossier))
            {
                count += fault is "Ngày tiếp nhận" or "Mã đơn vị" or "Kênh thực hiện" ? 0 : 1;
                count += r.FinishedAt.Length > 0 ? 1 : 0;
            }

            if (r.Payment.Length > 0 && fault is null)
            {
                count += r.PaymentStatus == "Đã hoàn phí" ? 2 : 1;
            }
        }

        return count;
    }

    /// <summary>
    /// The events the server stores from the rows from spreadsheet row <paramref name="from"/> on, after the rows before
    /// it: a dossier's receipt and finish go with its first row, so they belong to the rows where they first appear.
    /// </summary>
    private static int EventsFrom(List<ExportRow> rows, int from, SortedDictionary<int, string> broken) =>
        ValidEvents(rows, broken) - ValidEvents(rows[..(from - 2)], broken);

    private async Task<Dictionary<string, UnitTotals>> ReadAsync(IEnumerable<string> units)
    {
        var totals = new Dictionary<string, UnitTotals>();
        foreach (var unit in units)
        {
            totals[unit] = await UnitTotals.ReadAsync(_server, unit);
        }

        return totals;
    }

    private static Dictionary<string, UnitTotals> Plus(Dictionary<string, UnitTotals> before, Dictionary<string, UnitTotals> delta) =>
        delta.ToDictionary(kv => kv.Key, kv => before[kv.Key].Plus(kv.Value));
}
