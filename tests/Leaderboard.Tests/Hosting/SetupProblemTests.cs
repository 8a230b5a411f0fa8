using System.Diagnostics;
using Leaderboard.Grains.Hosting;
using Leaderboard.Tests.Infrastructure;
using Npgsql;

namespace Leaderboard.Tests.Hosting;

/// <summary>
/// A node set up wrong stops its start at once and says why: a database that does not exist (it used to wait two
/// minutes with a stack trace at every attempt, as if PostgreSQL were down), and a database another cluster already
/// uses (the two clusters counted each other's events as duplicates, and their numbers drifted apart in silence).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SetupProblemTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_database_that_does_not_exist_stops_the_start_at_once_naming_it()
    {
        var missing = new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Database = "khong_co_csdl" }.ConnectionString;

        var problem = await Assert.ThrowsAsync<NodeSetupException>(() => LeaderboardServer.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:Leaderboard"] = missing,
        }));

        Assert.Contains("'khong_co_csdl'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("CREATE DATABASE", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_node_process_says_what_is_wrong_and_exits_with_2_without_a_stack_trace()
    {
        var missing = new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Database = "khong_co_csdl" }.ConnectionString;

        var (exitCode, errors, output) = await RunNodeAsync($"--ConnectionStrings:Leaderboard={missing}", "--Leaderboard:AdminKey=khoa-quan-tri-thu");

        Assert.Equal(2, exitCode);
        Assert.Contains("Không khởi động được: cơ sở dữ liệu 'khong_co_csdl' không có", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", errors + output, StringComparison.Ordinal);
        // Nor in the log: the host reports a failed start with its exception, which is the words alone.
        Assert.DoesNotContain("   at ", errors + output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Leaderboard:Ledger:FlushInterval=abc", "Leaderboard:Ledger:FlushInterval = 'abc' không đọc được")]
    [InlineData("--ConnectionStrings:Leaderboard=Host=127.0.0.1;Port=abc", "ConnectionStrings:Leaderboard: giá trị 'abc' của khóa 'port'")]
    [InlineData("--Leaderboard:Ledger:Shards=", "Leaderboard:Ledger:Shards để trống")]
    [InlineData("--Logging:LogLevel:Default=Verbose", "Logging:LogLevel:Default = 'Verbose' không đọc được")]
    [InlineData("--Leaderboard:Ledger:Shards=0", "Leaderboard:Ledger:Shards phải từ 1 đến 4.096")]
    [InlineData("--Leaderboard:RateLimit:RequestsPerSecond=0", "Leaderboard:RateLimit:RequestsPerSecond phải từ 1 đến 1.000.000")]
    public async Task A_setting_that_cannot_be_read_is_named_and_the_node_exits_with_2(string argument, string expected)
    {
        // Both used to end the process with code 134 and a stack trace.
        var (exitCode, errors, output) = await RunNodeAsync(argument, "--Leaderboard:AdminKey=khoa-quan-tri-thu");

        Assert.Equal(2, exitCode);
        Assert.Contains("Không khởi động được: " + expected, errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors + output, StringComparison.Ordinal);
        // One line: the host's own "Hosting failed to start" report came first, with the stack trace, for a value
        // that the options' checks refuse.
        Assert.DoesNotContain("Hosting failed to start", errors + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_admin_key_is_refused_at_start()
    {
        // The admin key can do everything; "admin" or "123456" used to be taken.
        var (exitCode, errors, _) = await RunNodeAsync("--Leaderboard:AdminKey=123456");

        Assert.Equal(2, exitCode);
        Assert.Contains("Leaderboard:AdminKey quá ngắn (6 ký tự): cần ít nhất 16", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("123456", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_of_another_cluster_does_not_start_on_a_database_in_use()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await LeaderboardServer.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:Leaderboard"] = database,
            ["Leaderboard:Cluster:ClusterId"] = "cum-a",
        });

        var problem = await Assert.ThrowsAsync<NodeSetupException>(() => LeaderboardServer.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:Leaderboard"] = database,
            ["Leaderboard:Cluster:ClusterId"] = "cum-b",
        }));

        Assert.Contains("'cum-a' (1 nút)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("'cum-b'", problem.Message, StringComparison.Ordinal);

        // The same cluster joins as before.
        await using var second = await LeaderboardServer.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:Leaderboard"] = database,
            ["Leaderboard:Cluster:ClusterId"] = "cum-a",
        });
    }

    [Fact]
    public async Task A_node_with_another_shard_count_than_the_journal_does_not_start()
    {
        // It used to start, answer re-sent events as duplicates, and show a unit 3 of its 8 dossiers.
        var database = await postgres.CreateDatabaseAsync();
        await using (var first = await LeaderboardServer.StartAsync(new Dictionary<string, string> { ["ConnectionStrings:Leaderboard"] = database }))
        {
            // Started with the default count, which it recorded.
        }

        var problem = await Assert.ThrowsAsync<NodeSetupException>(() => LeaderboardServer.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:Leaderboard"] = database,
            ["Leaderboard:Ledger:Shards"] = "32",
        }));

        Assert.Contains("được ghi với 64 phân đoạn", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Leaderboard:Ledger:Shards = 32", problem.Message, StringComparison.Ordinal);

        // The recorded count starts as before.
        await using var again = await LeaderboardServer.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings:Leaderboard"] = database,
            ["Leaderboard:Ledger:Shards"] = "64",
        });
    }

    private static async Task<(int ExitCode, string Errors, string Output)> RunNodeAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(WebNodeProcess.DotnetHost())
        {
            WorkingDirectory = WebNodeProcess.OutputFolder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add(Path.Combine(WebNodeProcess.OutputFolder, "Leaderboard.Web.dll"));
        startInfo.ArgumentList.Add("--urls=http://127.0.0.1:0");
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await errors, await output);
    }
}
