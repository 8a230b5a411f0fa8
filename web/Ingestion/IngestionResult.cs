namespace Leaderboard.Web.Ingestion;

/// <summary>The answer to <c>POST /api/v1/events</c> (api.md), also each acknowledgement of a hub upload.</summary>
public sealed record IngestionResult(int Accepted, int Duplicates, IReadOnlyList<Rejection> Rejected);
