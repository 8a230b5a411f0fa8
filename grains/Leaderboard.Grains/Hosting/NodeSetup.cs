using Npgsql;

namespace Leaderboard.Grains.Hosting;

/// <summary>PostgreSQL's answers that say the node is set up wrong, as words for the operator (null: not one of them).</summary>
internal static class NodeSetup
{
    public static string? Problem(PostgresException exception, NpgsqlDataSource dataSource)
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return exception.SqlState switch
        {
            PostgresErrorCodes.InvalidCatalogName =>
                $"cơ sở dữ liệu '{settings.Database}' không có trên máy chủ {settings.Host}:{settings.Port}. Tạo nó trước (CREATE DATABASE), " +
                "các bảng được tạo tự động khi khởi động (ConnectionStrings:Leaderboard).",
            PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                $"PostgreSQL từ chối đăng nhập của '{settings.Username}' vào '{settings.Database}': {exception.MessageText} (ConnectionStrings:Leaderboard).",
            PostgresErrorCodes.InsufficientPrivilege =>
                $"'{settings.Username}' không đủ quyền tạo bảng trong '{settings.Database}': {exception.MessageText}. " +
                "Cấp quyền sở hữu cơ sở dữ liệu (hoặc schema public) cho người dùng này.",
            _ => null,
        };
    }
}
