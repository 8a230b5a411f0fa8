using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Web.Api;

/// <summary>Indicator names as the campaign letter and decision 766/QĐ-TTg word them.</summary>
public static class IndicatorNames
{
    public static string Vietnamese(string id) => id switch
    {
        IndicatorIds.OnlineServiceUsage => "Tỷ lệ DVCTT phát sinh hồ sơ trực tuyến",
        IndicatorIds.OnlinePayment => "Tỷ lệ thanh toán trực tuyến trên Cổng DVCQG",
        IndicatorIds.OnlineDossier => "Tỷ lệ hồ sơ trực tuyến",
        IndicatorIds.OnTime => "Tỷ lệ hồ sơ giải quyết đúng hạn",
        _ => id,
    };
}
