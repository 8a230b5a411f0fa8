namespace Leaderboard.Tests.Browser;

/// <summary>The browser tests that need no database run one at a time (two cores, one Chromium at a time).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
