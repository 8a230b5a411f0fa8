using Npgsql;

namespace Leaderboard.Grains.Hosting;

/// <summary>PostgreSQL's answers that say the node is set up wrong, as words for the operator (null: not one of them).</summary>
internal static class NodeSetup
{
    public static string? Problem(PostgresException exception, NpgsqlDataSource dataSource)
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        var (user, database) = (UserOf(settings), DatabaseOf(settings));
        return exception.SqlState switch
        {
            PostgresErrorCodes.InvalidCatalogName =>
                $"cơ sở dữ liệu '{database}' không có trên máy chủ {settings.Host}:{settings.Port}. Tạo nó trước (CREATE DATABASE), " +
                "các bảng được tạo tự động khi khởi động (ConnectionStrings:Leaderboard).",
            PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                $"PostgreSQL từ chối đăng nhập của '{user}' vào '{database}': {exception.MessageText} (ConnectionStrings:Leaderboard).",
            PostgresErrorCodes.InsufficientPrivilege =>
                $"'{user}' không đủ quyền tạo bảng trong '{database}': {exception.MessageText}. " +
                "Cấp quyền sở hữu cơ sở dữ liệu (hoặc schema public) cho người dùng này.",
            _ => null,
        };
    }

    /// <summary>The user Npgsql logs in as: the connection string's, else the operating system's (peer authentication).</summary>
    public static string UserOf(NpgsqlConnectionStringBuilder settings) =>
        string.IsNullOrEmpty(settings.Username) ? Environment.UserName : settings.Username;

    /// <summary>The database Npgsql opens: the connection string's, else the one named as the user, as PostgreSQL does.</summary>
    public static string DatabaseOf(NpgsqlConnectionStringBuilder settings) =>
        string.IsNullOrEmpty(settings.Database) ? UserOf(settings) : settings.Database;
}
