using Leaderboard.Grains.Hosting;
using Leaderboard.Grains.Ledger;
using Leaderboard.Grains.Storage;
using Microsoft.Extensions.Configuration;

namespace Leaderboard.Tests.Hosting;

/// <summary>
/// A value the configuration binder cannot read stops the start with the setting's name, the value and the form it
/// needs. It used to end the process with code 134 and a stack trace, thrown wherever the options were first used.
/// </summary>
public sealed class SettingValuesTests
{
    [Theory]
    [InlineData("Leaderboard:Ledger:FlushInterval", "abc", "00:00:00.050")]
    [InlineData("Leaderboard:Ledger:Shards", "sáu mươi tư", "số nguyên")]
    [InlineData("Leaderboard:Journal:Writers", "2.5", "số nguyên")]
    [InlineData("Leaderboard:Cluster:Membership:ProbeTimeout", "2s", "00:02:00")]
    [InlineData("Leaderboard:Cluster:SiloPort", "11111x", "số nguyên")]
    public void An_unreadable_value_is_named_with_what_it_should_look_like(string setting, string value, string hint)
    {
        var configuration = Configuration(setting, value);

        var problem = Assert.Throws<NodeSetupException>(() =>
        {
            SettingValues.Check<LedgerOptions>(configuration, LedgerOptions.Section);
            SettingValues.Check<JournalOptions>(configuration, JournalOptions.Section);
            SettingValues.Check<ClusterSettings>(configuration, ClusterSettings.Section);
        });

        Assert.Contains($"{setting} = '{value}' không đọc được", problem.Message, StringComparison.Ordinal);
        Assert.Contains(hint, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Leaderboard:Ledger:Shards", "số nguyên")]
    [InlineData("Leaderboard:Ledger:FlushInterval", "khoảng thời gian")]
    [InlineData("Leaderboard:Cluster:SiloPort", "số nguyên")]
    public void A_blank_value_is_named_too(string setting, string hint)
    {
        // A blank line of a systemd EnvironmentFile or a docker .env file (Leaderboard__Ledger__Shards=) used to end the
        // process with code 134: the binder cannot read "" as a number either.
        var problem = Assert.Throws<NodeSetupException>(() =>
        {
            SettingValues.Check<LedgerOptions>(Configuration(setting, ""), LedgerOptions.Section);
            SettingValues.Check<ClusterSettings>(Configuration(setting, ""), ClusterSettings.Section);
        });

        Assert.StartsWith($"{setting} để trống: cần", problem.Message, StringComparison.Ordinal);
        Assert.Contains(hint, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_with_an_unquoted_semicolon_is_not_shown_in_part_and_the_message_says_to_quote_it()
    {
        var problem = Assert.Throws<NodeSetupException>(() => SettingValues.CheckConnectionString("Host=db;Username=lb;Password=Tr0ub;4dor=3"));

        Assert.DoesNotContain("4dor", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Password='...'", problem.Message, StringComparison.Ordinal);
        SettingValues.CheckConnectionString("Host=db;Username=lb;Password='Tr0ub;4dor=3'");
    }

    [Fact]
    public void A_log_level_must_be_one_the_log_reads_and_a_blank_one_is_skipped_as_the_log_skips_it()
    {
        var problem = Assert.Throws<NodeSetupException>(() => SettingValues.CheckLogLevels(Configuration("Logging:Console:LogLevel:Orleans", "Verbose")));

        Assert.Contains("Logging:Console:LogLevel:Orleans = 'Verbose' không đọc được: cần một trong Trace, Debug", problem.Message, StringComparison.Ordinal);
        SettingValues.CheckLogLevels(Configuration("Logging:LogLevel:Default", ""));
        SettingValues.CheckLogLevels(Configuration("Logging:LogLevel:Default", "warning"));
    }

    [Fact]
    public void Readable_values_pass_whatever_their_case()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Leaderboard:Ledger:flushinterval"] = "00:00:00.030",
            ["Leaderboard:Ledger:Shards"] = "16",
            ["Leaderboard:Cluster:Membership:ProbeTimeout"] = "00:00:03",
            ["Leaderboard:Cluster:ClusterId"] = "cum-1",
        }).Build();

        SettingValues.Check<LedgerOptions>(configuration, LedgerOptions.Section);
        SettingValues.Check<ClusterSettings>(configuration, ClusterSettings.Section);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=abc", "giá trị 'abc' của khóa 'port' không đọc được")]
    [InlineData("Host=127.0.0.1;Prot=5432", "Npgsql không biết khóa 'prot'")]
    [InlineData("Host=127.0.0.1;Database='leaderboard", "không đúng dạng")]
    public void A_connection_string_Npgsql_cannot_read_is_named_by_its_key(string connectionString, string expected)
    {
        var problem = Assert.Throws<NodeSetupException>(() => SettingValues.CheckConnectionString(connectionString));

        Assert.StartsWith("ConnectionStrings:Leaderboard", problem.Message, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_is_never_repeated_in_the_message()
    {
        var problem = Assert.Throws<NodeSetupException>(() => SettingValues.CheckConnectionString("Host=db;Password=mat-khau-bi-mat;Timeout=soon"));

        Assert.Contains("'timeout'", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("mat-khau-bi-mat", problem.Message, StringComparison.Ordinal);
        SettingValues.CheckConnectionString("Host=db;Username=u;Password=mat-khau-bi-mat;Database=leaderboard;Maximum Pool Size=40");
    }

    private static IConfiguration Configuration(string setting, string value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [setting] = value }).Build();
}
