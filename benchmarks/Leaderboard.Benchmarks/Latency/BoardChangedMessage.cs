using System.Text.Json.Serialization;

namespace Leaderboard.Benchmarks.Latency;

/// <summary>
/// What the client keeps of a <c>BoardChanged</c> push or a <c>SubscribeBoard</c> snapshot: the board, its version and,
/// per entry, the unit and its received-dossier count. Read by <see cref="BoardChangedMessageConverter"/>, which skips
/// the rest of the payload without building it, so a thousand clients in one process stay cheap.
/// </summary>
[JsonConverter(typeof(BoardChangedMessageConverter))]
public sealed record BoardChangedMessage(string Board, long Version, IReadOnlyList<EntryMessage> Entries);
