using Leaderboard.Client;
using Leaderboard.Importer;

namespace Leaderboard.Tests.Toolkit;

/// <summary>How export rows become events: amounts as spreadsheets write them, and payment statuses.</summary>
public sealed class RowMapperTests
{
    private static readonly string[] Header =
        ["Mã hồ sơ", "Mã TTHC", "Mã đơn vị", "Kênh thực hiện", "Ngày tiếp nhận", "Mã thanh toán", "Số tiền", "Hình thức thanh toán", "Ngày thanh toán", "Trạng thái thanh toán"];

    [Theory]
    [InlineData("80000", 80000)]
    [InlineData("80.000", 80000)]
    [InlineData("80,000", 80000)]
    [InlineData("80 000", 80000)]
    [InlineData("1.250.000", 1250000)]
    [InlineData("80000.00", 80000)]
    [InlineData("80000,0", 80000)]
    [InlineData("80.000,00", 80000)]
    [InlineData("80,000.00", 80000)]
    public void Whole_dong_are_read_however_the_spreadsheet_grouped_them(string text, long expected)
    {
        var (events, errors) = Map(PaymentRow(amount: text));
        Assert.Empty(errors);
        Assert.Equal(expected, Assert.Single(events).Event.Amount);
    }

    [Theory]
    [InlineData("80000.5", "có phần lẻ của đồng")]
    [InlineData("80.000,50", "có phần lẻ của đồng")]
    [InlineData("80,000.05", "có phần lẻ của đồng")]
    [InlineData("1e3", "không phải số tiền")]
    [InlineData("8.0000", "không phải số tiền")]
    [InlineData("80.000,000", "không phải số tiền")]
    [InlineData("80.000.00", "không phải số tiền")]
    [InlineData("-80000", "không phải số tiền")]
    [InlineData("0", "không phải số tiền")]
    [InlineData("", "Thiếu số tiền")]
    public void An_amount_that_is_not_whole_dong_is_refused_naming_the_column_never_multiplied(string text, string reason)
    {
        var (events, errors) = Map(PaymentRow(amount: text));
        Assert.Empty(events);
        var error = Assert.Single(errors);
        Assert.Equal("Số tiền", error.Column);
        Assert.Equal("amount", error.Field);
        Assert.Contains(reason, error.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Đã thanh toán", new[] { EventTypes.PaymentCompleted })]
    [InlineData("", new[] { EventTypes.PaymentCompleted })]
    [InlineData("Đã hoàn phí", new[] { EventTypes.PaymentCompleted, EventTypes.PaymentRefunded })]
    [InlineData("Hủy thanh toán", new[] { EventTypes.PaymentCompleted, EventTypes.PaymentRefunded })]
    [InlineData("Huỷ thanh toán", new[] { EventTypes.PaymentCompleted, EventTypes.PaymentRefunded })]
    [InlineData("chưa thanh toán", new string[0])]
    [InlineData("Chờ thanh toán", new string[0])]
    public void The_payment_status_says_whether_a_payment_and_a_refund_happened(string status, string[] types)
    {
        var (events, errors) = Map(PaymentRow(status: status));
        Assert.Empty(errors);
        Assert.Equal(types, events.Select(e => e.Event.Type));
    }

    [Fact]
    public void An_unknown_payment_status_is_refused_rather_than_counted_as_paid()
    {
        var (events, errors) = Map(PaymentRow(status: "Đang đối soát"));
        Assert.Empty(events);
        var error = Assert.Single(errors);
        Assert.Equal("Trạng thái thanh toán", error.Column);
        Assert.Contains("'Đang đối soát' không phải trạng thái thanh toán đã biết", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Binding_a_header_names_the_optional_columns_it_lacks()
    {
        var columns = ColumnMap.Default();
        var absent = columns.Bind(Header);
        Assert.Equal([Columns.DueAt, Columns.FinishedAt], absent);
    }

    private static (List<RowEvent> Events, List<RowError> Errors) Map(string[] record)
    {
        var columns = ColumnMap.Default();
        columns.Bind(Header);
        var (events, errors) = new RowMapper(columns, RowMapper.VietnamTime()).Map(2, record);
        return ([.. events.Where(e => e.Event.Type != EventTypes.DossierReceived)], errors);
    }

    private static string[] PaymentRow(string amount = "80000", string status = "Đã thanh toán") =>
        ["000.07.12.H37-240612-0001", "9.000101", "000.07.12.H37", "Trực tuyến", "12/06/2024 12:11:00", "TT-1", amount, "Trực tuyến", "12/06/2024 14:11:00", status];
}
