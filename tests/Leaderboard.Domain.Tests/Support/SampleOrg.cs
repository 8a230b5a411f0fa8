using Leaderboard.Domain.Catalogue;
using DomainCatalogue = Leaderboard.Domain.Catalogue.Catalogue;

namespace Leaderboard.Domain.Tests.Support;

/// <summary>
/// The sample organisation of /work/shared/data/sample-org (12 units, 18 procedures, 21 assignments and the 2024
/// campaign), built by hand until the catalogue loader exists. Every test gets its own instance.
/// </summary>
internal static class SampleOrg
{
    public const string Province = "000.00.00.H37";
    public const string Department = "000.00.12.H37";
    public const string Office = "000.01.12.H37";
    public const string Forestry = "000.05.12.H37";
    public const string Plants = "000.06.12.H37";
    public const string Veterinary = "000.07.12.H37";
    public const string Irrigation = "000.08.12.H37";
    public const string Quality = "000.10.12.H37";
    public const string CampaignId = "snn-ls-2024-tttt";
    public const string BoardId = "don-vi";

    public static TimeZoneInfo TimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static IReadOnlyList<OrgUnit> Units { get; } =
    [
        new("000.00.00.H37", "UBND tỉnh Lạng Sơn", null, "ubnd-tinh"),
        new("000.00.12.H37", "Sở Nông nghiệp và Phát triển nông thôn", "000.00.00.H37", "so"),
        new("000.01.12.H37", "Văn phòng Sở", "000.00.12.H37", "van-phong"),
        new("000.02.12.H37", "Phòng Tổ chức cán bộ", "000.00.12.H37", "phong"),
        new("000.03.12.H37", "Phòng Kế hoạch – Tài chính", "000.00.12.H37", "phong"),
        new("000.04.12.H37", "Phòng Thủy sản – Kinh tế tổng hợp", "000.00.12.H37", "phong"),
        new("000.05.12.H37", "Chi cục Kiểm lâm", "000.00.12.H37", "chi-cuc"),
        new("000.06.12.H37", "Chi cục Trồng trọt và Bảo vệ thực vật", "000.00.12.H37", "chi-cuc"),
        new("000.07.12.H37", "Chi cục Chăn nuôi và Thú y", "000.00.12.H37", "chi-cuc"),
        new("000.08.12.H37", "Chi cục Thủy lợi", "000.00.12.H37", "chi-cuc"),
        new("000.09.12.H37", "Chi cục Phát triển nông thôn", "000.00.12.H37", "chi-cuc"),
        new("000.10.12.H37", "Chi cục Quản lý chất lượng Nông lâm sản và Thủy sản", "000.00.12.H37", "chi-cuc"),
    ];

    public static IReadOnlyList<Procedure> Procedures { get; } =
    [
        new("9.000101", "Cấp Giấy chứng nhận kiểm dịch động vật vận chuyển ra khỏi địa bàn cấp tỉnh", ServiceLevel.Full, true),
        new("9.000102", "Cấp Giấy chứng nhận kiểm dịch sản phẩm động vật vận chuyển ra khỏi địa bàn cấp tỉnh", ServiceLevel.Full, true),
        new("9.000103", "Cấp chứng chỉ hành nghề thú y", ServiceLevel.Full, true),
        new("9.000104", "Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc thú y", ServiceLevel.Partial, true),
        new("9.000201", "Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật", ServiceLevel.Partial, true),
        new("9.000202", "Cấp Giấy phép vận chuyển thuốc bảo vệ thực vật", ServiceLevel.Full, true),
        new("9.000203", "Cấp Giấy chứng nhận kiểm dịch thực vật nội địa", ServiceLevel.Full, true),
        new("9.000301", "Xác nhận bảng kê lâm sản", ServiceLevel.Full, false),
        new("9.000302", "Cấp giấy phép khai thác gỗ rừng trồng", ServiceLevel.Partial, false),
        new("9.000401", "Cấp giấy phép hoạt động trong phạm vi bảo vệ công trình thủy lợi", ServiceLevel.Partial, true),
        new("9.000402", "Gia hạn giấy phép hoạt động trong phạm vi bảo vệ công trình thủy lợi", ServiceLevel.Full, true),
        new("9.000501", "Công nhận doanh nghiệp nông nghiệp ứng dụng công nghệ cao", ServiceLevel.Partial, false),
        new("9.000502", "Hỗ trợ liên kết sản xuất và tiêu thụ sản phẩm nông nghiệp", ServiceLevel.None, false),
        new("9.000601", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông lâm thủy sản", ServiceLevel.Full, true),
        new("9.000602", "Cấp lại Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông lâm thủy sản", ServiceLevel.Full, true),
        new("9.000701", "Cấp Giấy chứng nhận cơ sở đủ điều kiện nuôi trồng thủy sản", ServiceLevel.Partial, true),
        new("9.000702", "Cấp phép nuôi trồng thủy sản lồng bè", ServiceLevel.Full, true),
        new("9.000801", "Cấp giấy phép sử dụng giống cây trồng chưa có trong danh mục", ServiceLevel.Partial, true),
    ];

    public static IReadOnlyList<(string Unit, string Procedure)> Assignments { get; } =
    [
        ("000.07.12.H37", "9.000101"),
        ("000.07.12.H37", "9.000102"),
        ("000.07.12.H37", "9.000103"),
        ("000.07.12.H37", "9.000104"),
        ("000.06.12.H37", "9.000201"),
        ("000.06.12.H37", "9.000202"),
        ("000.06.12.H37", "9.000203"),
        ("000.06.12.H37", "9.000801"),
        ("000.05.12.H37", "9.000301"),
        ("000.05.12.H37", "9.000302"),
        ("000.08.12.H37", "9.000401"),
        ("000.08.12.H37", "9.000402"),
        ("000.09.12.H37", "9.000501"),
        ("000.09.12.H37", "9.000502"),
        ("000.10.12.H37", "9.000601"),
        ("000.10.12.H37", "9.000602"),
        ("000.04.12.H37", "9.000701"),
        ("000.04.12.H37", "9.000702"),
        ("000.01.12.H37", "9.000502"),
        ("000.03.12.H37", "9.000501"),
        ("000.02.12.H37", "9.000302"),
    ];

    /// <summary>The board "don-vi": the children of the department, in ordinal order as the loader resolves them.</summary>
    public static IReadOnlyList<string> BoardMembers { get; } =
        [.. Units.Where(u => u.Parent == Department).Select(u => u.Code).Order(StringComparer.Ordinal)];

    /// <summary>campaign-2024-thanh-toan-truc-tuyen.json, with optional changes for a test.</summary>
    public static Campaign NewCampaign(
        RankingMode mode = RankingMode.Raw,
        int minVolume = 10,
        IReadOnlyList<CampaignIndicator>? indicators = null,
        IReadOnlyList<TargetOverride>? overrides = null) =>
        new(
            CampaignId,
            "Thi đua cao điểm nâng cao tỷ lệ thanh toán trực tuyến trong giải quyết TTHC",
            Department,
            new DateOnly(2024, 6, 6),
            new DateOnly(2024, 12, 31),
            "Asia/Ho_Chi_Minh",
            indicators ??
            [
                new("online-service-usage", 0.90m, 0.5m),
                new("online-payment", 0.45m, 0.5m),
                new("online-dossier", 0.90m, 0m),
                new("on-time", 0.95m, 0m),
            ],
            1.2m,
            minVolume,
            [new Board(BoardId, "Các phòng, đơn vị thuộc Sở", Department, BoardMembers)],
            overrides ?? [],
            mode);

    public static DomainCatalogue NewCatalogue(Campaign? campaign = null) =>
        new(Units, Procedures, Assignments, [campaign ?? NewCampaign()], TimeZone);
}
