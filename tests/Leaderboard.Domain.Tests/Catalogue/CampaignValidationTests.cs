using Leaderboard.Domain.Catalogue;

namespace Leaderboard.Domain.Tests.Catalogue;

/// <summary>Each rule of a campaign file; line numbers refer to <see cref="OrgFolder.Campaign"/>.</summary>
public sealed class CampaignValidationTests
{
    private const string File = "campaign-c1.json";

    [Fact]
    public void The_template_campaign_loads()
    {
        using var org = new OrgFolder();
        org.WriteCampaign();

        var campaign = Assert.Single(CatalogueLoader.Load(org.Path).Campaigns);

        Assert.Equal("c1", campaign.Id);
        Assert.Equal([new TargetOverride("000.07.12.H37", "online-payment", 0.5m)], campaign.TargetOverrides);
        Assert.Equal(0.5m, campaign.TargetFor("000.07.12.H37", "online-payment"));
        Assert.Equal(0.45m, campaign.TargetFor("000.06.12.H37", "online-payment"));
        Assert.Equal(10, campaign.Boards[0].Members.Count);
    }

    [Fact]
    public void Defaults_apply_when_optional_fields_are_absent()
    {
        using var org = new OrgFolder();
        org.Write(File, """
            {
              "id": "c1",
              "name": "Thi đua",
              "start": "2024-06-06",
              "end": "2024-06-06",
              "indicators": [ { "id": "on-time", "weight": 1 } ],
              "boards": []
            }
            """);

        var catalogue = CatalogueLoader.Load(org.Path);
        var campaign = Assert.Single(catalogue.Campaigns);

        Assert.Null(campaign.Organiser);
        Assert.Equal("Asia/Ho_Chi_Minh", campaign.TimeZone);
        Assert.Equal(1.2m, campaign.ScoreCap);
        Assert.Equal(10, campaign.MinVolume);
        Assert.Equal(RankingMode.Raw, campaign.RankingMode);
        Assert.Empty(campaign.TargetOverrides);
        Assert.Equal([new CampaignIndicator("on-time", 0.95m, 1m)], campaign.Indicators);
    }

    [Fact]
    public void No_campaign_means_the_default_time_zone()
    {
        using var org = new OrgFolder();
        var catalogue = CatalogueLoader.Load(org.Path);
        Assert.Empty(catalogue.Campaigns);
        Assert.Equal("Asia/Ho_Chi_Minh", catalogue.TimeZone.Id);
    }

    [Fact]
    public void Explicit_unit_list_keeps_its_order()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"childrenOf\": \"000.00.12.H37\"", "\"units\": [\"000.07.12.H37\", \"000.00.00.H37\", \"000.02.12.H37\"]");
        var board = CatalogueLoader.Load(org.Path).Campaigns.Single().Boards.Single();
        Assert.Null(board.ChildrenOf);
        Assert.Equal(["000.07.12.H37", "000.00.00.H37", "000.02.12.H37"], board.Members);
    }

    [Fact]
    public void Decimals_are_exact()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"target\": 0.45, \"weight\": 0.5", "\"target\": 0.4501, \"weight\": 0.3333333333333333333333333333");
        var indicator = CatalogueLoader.Load(org.Path).Campaigns.Single().Indicators[1];
        Assert.Equal(0.4501m, indicator.Target);
        Assert.Equal(0.3333333333333333333333333333m, indicator.Weight);
    }

    [Fact]
    public void Wilson_ranking_mode()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"minVolume\": 10,", "\"minVolume\": 0, \"rankingMode\": \"wilson\",");
        var campaign = CatalogueLoader.Load(org.Path).Campaigns.Single();
        Assert.Equal(RankingMode.Wilson, campaign.RankingMode);
        Assert.Equal(0, campaign.MinVolume);
    }

    [Fact]
    public void Bom_is_accepted()
    {
        using var org = new OrgFolder();
        System.IO.File.WriteAllText(org.FileOf(File), OrgFolder.Campaign, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Single(CatalogueLoader.Load(org.Path).Campaigns);
    }

    [Fact]
    public void Files_other_than_campaign_json_are_not_read()
    {
        using var org = new OrgFolder();
        org.Write("campaign-c1.json.bak", "not json").Write("README.md", "# notes");
        Assert.Empty(CatalogueLoader.Load(org.Path).Campaigns);
    }

    [Fact]
    public void Invalid_json_names_the_line()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"scoreCap\": 1.2,", "\"scoreCap\": 1.2,,");
        org.Fails(File, 12, "json");
    }

    [Fact]
    public void Root_must_be_an_object()
    {
        using var org = new OrgFolder();
        org.Write(File, "[]");
        org.Fails(File, 1, "(gốc)");
    }

    [Fact]
    public void Duplicate_property()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"minVolume\": 10,", "\"minVolume\": 10, \"minVolume\": 5,");
        org.Fails(File, 13, "minVolume");
    }

    [Fact]
    public void Missing_id_names_the_enclosing_line()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"id\": \"c1\",", string.Empty);
        org.Fails(File, 1, "id");
    }

    [Theory]
    [InlineData("\"id\": \"\"")]
    [InlineData("\"id\": \"c 1\"")]
    [InlineData("\"id\": \"c/1\"")]
    [InlineData("\"id\": 1")]
    public void Invalid_id(string id)
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"id\": \"c1\"", id);
        org.Fails(File, 2, "id");
    }

    [Fact]
    public void Duplicate_campaign_id_across_files()
    {
        using var org = new OrgFolder();
        org.WriteCampaign().WriteCampaign(name: "campaign-c2.json");
        var ex = org.Fails("campaign-c2.json", 2, "id");
        Assert.Contains(org.FileOf(File), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_name()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"name\": \"Thi đua\"", "\"name\": \"  \"");
        org.Fails(File, 3, "name");
    }

    [Theory]
    [InlineData("2024-02-30")]
    [InlineData("2024-6-6")]
    [InlineData("06/06/2024")]
    [InlineData("2024-06-06T00:00:00")]
    public void Invalid_start_date(string start)
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"start\": \"2024-06-06\"", $"\"start\": \"{start}\"");
        org.Fails(File, 5, "start");
    }

    [Fact]
    public void Start_after_end()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"end\": \"2024-12-31\"", "\"end\": \"2024-06-05\"");
        org.Fails(File, 6, "end");
    }

    [Fact]
    public void Start_equal_to_end_is_valid()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"end\": \"2024-12-31\"", "\"end\": \"2024-06-06\"");
        Assert.Equal(new DateOnly(2024, 6, 6), CatalogueLoader.Load(org.Path).Campaigns.Single().End);
    }

    [Theory]
    [InlineData("Asia/Hanoi_Typo")]
    [InlineData("SE Asia Standard Time")]
    [InlineData("")]
    public void Unknown_time_zone(string zone)
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"timeZone\": \"Asia/Ho_Chi_Minh\"", $"\"timeZone\": \"{zone}\"");
        org.Fails(File, 7, "timeZone");
    }

    [Fact]
    public void Campaigns_must_share_one_time_zone()
    {
        using var org = new OrgFolder();
        org.WriteCampaign()
            .WriteCampaign("\"timeZone\": \"Asia/Ho_Chi_Minh\"", "\"timeZone\": \"Asia/Bangkok\"", "campaign-c2.json");
        org.Write("campaign-c2.json", System.IO.File.ReadAllText(org.FileOf("campaign-c2.json")).Replace("\"c1\"", "\"c2\"", StringComparison.Ordinal));
        org.Fails("campaign-c2.json", 7, "timeZone");
    }

    [Fact]
    public void Another_iana_zone_is_used_for_the_catalogue()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"timeZone\": \"Asia/Ho_Chi_Minh\"", "\"timeZone\": \"Asia/Bangkok\"");
        Assert.Equal("Asia/Bangkok", CatalogueLoader.Load(org.Path).TimeZone.Id);
    }

    [Fact]
    public void Unknown_indicator()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"id\": \"online-payment\"", "\"id\": \"online-payments\"");
        org.Fails(File, 10, "indicators[1].id");
    }

    [Fact]
    public void Duplicate_indicator()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"id\": \"online-payment\"", "\"id\": \"online-service-usage\"");
        org.Fails(File, 10, "indicators[1].id");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.1")]
    [InlineData("1.0001")]
    [InlineData("45")]
    [InlineData("\"0.45\"")]
    public void Target_out_of_range(string target)
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"target\": 0.45", $"\"target\": {target}");
        org.Fails(File, 10, "indicators[1].target");
    }

    [Fact]
    public void Target_of_one_is_valid()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"target\": 0.45", "\"target\": 1");
        Assert.Equal(1m, CatalogueLoader.Load(org.Path).Campaigns.Single().Indicators[1].Target);
    }

    [Fact]
    public void Negative_weight()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"target\": 0.45, \"weight\": 0.5", "\"target\": 0.45, \"weight\": -0.5");
        org.Fails(File, 10, "indicators[1].weight");
    }

    [Fact]
    public void Missing_weight()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"target\": 0.45, \"weight\": 0.5", "\"target\": 0.45");
        org.Fails(File, 10, "indicators[1].weight");
    }

    [Fact]
    public void All_weights_zero()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"weight\": 0.5 },\n    { \"id\": \"online-payment\", \"target\": 0.45, \"weight\": 0.5 }", "\"weight\": 0 },\n    { \"id\": \"online-payment\", \"target\": 0.45, \"weight\": 0 }");
        org.Fails(File, 8, "indicators");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("null, \"x\": \"y\"")]
    public void Score_cap_must_be_positive(string cap)
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"scoreCap\": 1.2", $"\"scoreCap\": {cap}");
        if (cap.StartsWith("null", StringComparison.Ordinal))
        {
            Assert.Equal(1.2m, CatalogueLoader.Load(org.Path).Campaigns.Single().ScoreCap);
        }
        else
        {
            org.Fails(File, 12, "scoreCap");
        }
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("2.5")]
    [InlineData("\"10\"")]
    public void Min_volume_must_be_a_non_negative_integer(string volume)
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"minVolume\": 10", $"\"minVolume\": {volume}");
        org.Fails(File, 13, "minVolume");
    }

    [Fact]
    public void Duplicate_board_id()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"childrenOf\": \"000.00.12.H37\" }", "\"childrenOf\": \"000.00.12.H37\" },\n    { \"id\": \"don-vi\", \"name\": \"B\", \"units\": [\"000.07.12.H37\"] }");
        org.Fails(File, 16, "boards[1].id");
    }

    [Fact]
    public void Board_children_of_an_unknown_unit()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"childrenOf\": \"000.00.12.H37\"", "\"childrenOf\": \"000.00.99.H37\"");
        org.Fails(File, 15, "boards[0].childrenOf");
    }

    [Fact]
    public void Board_with_an_unknown_unit_in_its_list()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"childrenOf\": \"000.00.12.H37\" }", "\"units\": [\n      \"000.07.12.H37\",\n      \"000.77.12.H37\"\n    ] }");
        org.Fails(File, 17, "boards[0].units[1]");
    }

    [Fact]
    public void Board_with_a_repeated_unit()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"childrenOf\": \"000.00.12.H37\"", "\"units\": [\"000.07.12.H37\", \"000.07.12.H37\"]");
        org.Fails(File, 15, "boards[0].units[1]");
    }

    [Fact]
    public void Board_with_both_children_of_and_units()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"childrenOf\": \"000.00.12.H37\"", "\"childrenOf\": \"000.00.12.H37\", \"units\": [\"000.07.12.H37\"]");
        org.Fails(File, 15, "boards[0].units");
    }

    [Fact]
    public void Board_with_neither()
    {
        using var org = new OrgFolder();
        org.WriteCampaign(", \"childrenOf\": \"000.00.12.H37\"", string.Empty);
        org.Fails(File, 15, "boards[0].childrenOf");
    }

    [Fact]
    public void Override_for_an_unknown_unit()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("{ \"unit\": \"000.07.12.H37\"", "{ \"unit\": \"000.07.99.H37\"");
        org.Fails(File, 18, "targetOverrides[0].unit");
    }

    [Fact]
    public void Override_for_an_unknown_indicator()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"indicator\": \"online-payment\"", "\"indicator\": \"payment\"");
        org.Fails(File, 18, "targetOverrides[0].indicator");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    public void Override_target_out_of_range(string target)
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"target\": 0.5 }", $"\"target\": {target} }}");
        org.Fails(File, 18, "targetOverrides[0].target");
    }

    [Fact]
    public void Invalid_ranking_mode()
    {
        using var org = new OrgFolder();
        org.WriteCampaign("\"minVolume\": 10,", "\"minVolume\": 10, \"rankingMode\": \"Wilson\",");
        org.Fails(File, 13, "rankingMode");
    }
}
