namespace Leaderboard.Tests.Durability;

/// <summary>An event of the generated stream while its batch is put together; <see cref="Original"/> marks a first sending of a valid event.</summary>
internal sealed record StreamItem(string Id, string Json, bool Original, bool Receipt);
