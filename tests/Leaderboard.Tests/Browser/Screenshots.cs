using Leaderboard.Testing;
using Microsoft.Playwright;

namespace Leaderboard.Tests.Browser;

/// <summary>Screenshots for people to look at, in <c>artifacts/screenshots/</c> (git-ignored).</summary>
public static class Screenshots
{
    public static string Folder => RepoPaths.Combine("artifacts", "screenshots");

    public static async Task SaveAsync(IPage page, string name, bool fullPage = false)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name), FullPage = fullPage });
    }
}
