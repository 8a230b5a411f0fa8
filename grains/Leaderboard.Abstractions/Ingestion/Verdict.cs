namespace Leaderboard.Abstractions.Ingestion;

/// <summary>What became of one event.</summary>
[GenerateSerializer, Alias("lb.Verdict")]
public enum Verdict : byte
{
    Accepted,
    Duplicate,
    Rejected,
}
