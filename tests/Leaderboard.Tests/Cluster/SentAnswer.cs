namespace Leaderboard.Tests.Cluster;

/// <summary>One answer to a POST of a batch (or a GET during a fault): its status, whether it said Retry-After, and a bit of its body.</summary>
public sealed record SentAnswer(int Batch, int Status, bool RetryAfter, string Body)
{
    /// <summary>From sending the request to having the whole answer (zero where not measured).</summary>
    public TimeSpan Took { get; init; }
}
