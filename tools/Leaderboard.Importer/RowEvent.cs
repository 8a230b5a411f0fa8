using Leaderboard.Client;

namespace Leaderboard.Importer;

/// <summary>An event and the spreadsheet row it came from.</summary>
public sealed record RowEvent(int Row, EventBody Event);
