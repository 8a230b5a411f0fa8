using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Domain.Tests.Catalogue;

public sealed class SampleOrgTests
{
    private static readonly Domain.Catalogue.Catalogue Sample = CatalogueLoader.Load(CatalogueLoader.DefaultFolder);

    [Fact]
    public void Units_and_procedures_load()
    {
        Assert.Equal(12, Sample.Units.Count);
        Assert.Equal(18, Sample.Procedures.Count);

        var office = Sample.FindUnit("000.01.12.H37")!;
        Assert.Equal("Văn phòng Sở", office.Name);
        Assert.Equal("000.00.12.H37", office.Parent);
        Assert.Equal("van-phong", office.Kind);
        Assert.Null(Sample.FindUnit("000.00.00.H37")!.Parent);
        Assert.Equal("Phòng Kế hoạch – Tài chính", Sample.FindUnit("000.03.12.H37")!.Name);

        var procedure = Sample.FindProcedure("9.000104")!;
        Assert.Equal(ServiceLevel.Partial, procedure.Level);
        Assert.True(procedure.HasFee);
        Assert.Equal(ServiceLevel.None, Sample.FindProcedure("9.000502")!.Level);
        Assert.False(Sample.FindProcedure("9.000301")!.HasFee);
    }

    [Fact]
    public void Codes_are_found_from_characters_as_from_strings()
    {
        Assert.Same(Sample.FindUnit("000.01.12.H37"), Sample.FindUnit("x000.01.12.H37".AsSpan(1)));
        Assert.Same(Sample.FindProcedure("9.000104"), Sample.FindProcedure("9.000104 ".AsSpan(0, 8)));
        Assert.Null(Sample.FindUnit("000.01.12.h37".AsSpan()));
        Assert.Null(Sample.FindProcedure(ReadOnlySpan<char>.Empty));
    }

    [Fact]
    public void Assignments_reach_the_subtree()
    {
        Assert.Equal(["9.000101", "9.000102", "9.000103", "9.000104"], Sample.OnlineProceduresOfSubtree("000.07.12.H37").Order(StringComparer.Ordinal));
        Assert.Empty(Sample.OnlineProceduresOfSubtree("000.01.12.H37"));
        Assert.Equal(["9.000302"], Sample.OnlineProceduresOfSubtree("000.02.12.H37"));
        Assert.Equal(17, Sample.OnlineProceduresOfSubtree("000.00.12.H37").Count);
        Assert.False(Sample.SubtreeHasFeeProcedure("000.01.12.H37"));
        Assert.True(Sample.SubtreeHasFeeProcedure("000.04.12.H37"));
    }

    [Fact]
    public void The_campaign_loads_with_exact_decimals()
    {
        var campaign = Assert.Single(Sample.Campaigns);
        Assert.Equal("snn-ls-2024-tttt", campaign.Id);
        Assert.Equal("Thi đua cao điểm nâng cao tỷ lệ thanh toán trực tuyến trong giải quyết TTHC", campaign.Name);
        Assert.Equal("000.00.12.H37", campaign.Organiser);
        Assert.Equal(new DateOnly(2024, 6, 6), campaign.Start);
        Assert.Equal(new DateOnly(2024, 12, 31), campaign.End);
        Assert.Equal("Asia/Ho_Chi_Minh", campaign.TimeZone);
        Assert.Equal(1.2m, campaign.ScoreCap);
        Assert.Equal(10, campaign.MinVolume);
        Assert.Equal(RankingMode.Raw, campaign.RankingMode);
        Assert.Empty(campaign.TargetOverrides);

        Assert.Equal(
            [
                new CampaignIndicator("online-service-usage", 0.9m, 0.5m),
                new CampaignIndicator("online-payment", 0.45m, 0.5m),
                new CampaignIndicator("online-dossier", 0.9m, 0m),
                new CampaignIndicator("on-time", 0.95m, 0m),
            ],
            campaign.Indicators);

        // 0.90 in the file is the decimal 0.9 exactly, printed without a trailing zero.
        Assert.Equal("0.9", campaign.Indicators[0].Target.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.45", campaign.Indicators[1].Target.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1.2", campaign.ScoreCap.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_board_has_the_ten_children_in_ordinal_order()
    {
        var board = Assert.Single(Sample.FindCampaign("snn-ls-2024-tttt")!.Boards);
        Assert.Equal("don-vi", board.Id);
        Assert.Equal("Các phòng, đơn vị thuộc Sở", board.Name);
        Assert.Equal("000.00.12.H37", board.ChildrenOf);
        Assert.Equal(
            ["000.01.12.H37", "000.02.12.H37", "000.03.12.H37", "000.04.12.H37", "000.05.12.H37",
             "000.06.12.H37", "000.07.12.H37", "000.08.12.H37", "000.09.12.H37", "000.10.12.H37"],
            board.Members);
        Assert.Equal([new BoardKey("snn-ls-2024-tttt", "don-vi")], Sample.BoardsOf("000.07.12.H37"));
    }

    [Fact]
    public void The_time_zone_is_the_campaigns()
    {
        Assert.Equal("Asia/Ho_Chi_Minh", Sample.TimeZone.Id);
        Assert.Equal(TimeSpan.FromHours(7), Sample.TimeZone.GetUtcOffset(new DateTime(2024, 6, 5, 17, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Default_folder_is_the_sample_data_next_to_the_assembly()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "SampleData"), CatalogueLoader.DefaultFolder);
    }
}
