using Microsoft.Extensions.Logging;

namespace Leaderboard.Grains.Hosting;

internal sealed partial class CatalogueSync
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue store seeded from {Folder} (revision {Revision})")]
    private partial void LogSeeded(string folder, long revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cơ sở dữ liệu chưa có tổ chức nào: đã nạp tổ chức MẪU có sẵn (mã minh họa) từ {Folder} thành phiên bản {Revision}. Đặt Leaderboard:DataPath là thư mục tổ chức của đơn vị rồi khởi động lại, hoặc thay từng tệp qua API quản trị (PUT /api/v1/admin/catalogue/units, …)")]
    private partial void LogSampleSeeded(string folder, long revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Another node saved the catalogue while this one was starting; reading it again")]
    private partial void LogSavedElsewhere();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data folder {Folder} changed since the store last took it: its files replace revision {Previous} as revision {Revision} (changes made through the admin API since are replaced too)")]
    private partial void LogFolderApplied(string folder, long previous, long revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "No data folder named (Leaderboard:DataPath): the stored catalogue (revision {Revision}) is kept, the built-in sample only seeds an empty store")]
    private partial void LogSampleNotApplied(long revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalogue revision {Revision} loaded from the store")]
    private partial void LogLoaded(long revision);

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored catalogue (revision {Revision}) is invalid; keeping the one in force")]
    private partial void LogInvalidStored(Exception exception, long revision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the catalogue store failed; retrying")]
    private partial void LogPollFailed(Exception exception);
}
