namespace Leaderboard.Tests.Storage;

internal sealed class SnapshotProbeGrain(
    [PersistentState("probe", OrleansGrainStorageTests.StorageName)] IPersistentState<SnapshotProbeState> state)
    : Grain, ISnapshotProbeGrain
{
    public async Task Write(string value)
    {
        state.State = new SnapshotProbeState { Value = value };
        await state.WriteStateAsync();
    }

    public Task<SnapshotProbeView> Read() => Task.FromResult(new SnapshotProbeView(state.State.Value, state.RecordExists, state.Etag));

    public Task Clear() => state.ClearStateAsync();

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
