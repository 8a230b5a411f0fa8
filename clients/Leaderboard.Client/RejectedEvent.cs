namespace Leaderboard.Client;

/// <summary>One rejected event.</summary>
/// <param name="Index">Its 0-based position in what was sent: the list given to <see cref="LeaderboardClient.SendAsync"/>, or the whole stream given to <see cref="LeaderboardClient.StreamAsync"/>.</param>
/// <param name="Id">Its id, when it had a valid one.</param>
/// <param name="Field">The field at fault: an envelope or type field, <c>"id"</c> for an id re-used with other content, <c>"body"</c> for something that is not an event.</param>
/// <param name="Error">Why, in Vietnamese.</param>
public sealed record RejectedEvent(long Index, string? Id, string Field, string Error);
