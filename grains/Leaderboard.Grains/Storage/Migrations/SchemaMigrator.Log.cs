using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Storage.Migrations;

public sealed partial class SchemaMigrator
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Name})")]
    private partial void LogApplied(int version, string name);
}
