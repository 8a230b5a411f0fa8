using Leaderboard.Grains.Storage;

namespace Leaderboard.Tests.Storage;

public sealed class InMemoryEventJournalTests : EventJournalContract
{
    protected override Task<IEventJournal> CreateJournalAsync() => Task.FromResult<IEventJournal>(new InMemoryEventJournal());

    [Fact]
    public async Task It_says_it_is_volatile_and_always_available()
    {
        Assert.True(Journal.IsVolatile);
        Assert.True(await Journal.IsAvailableAsync());
    }
}
