namespace Leaderboard.Client;

/// <summary>
/// The server refused the events for good (a wrong key, a body it cannot read), or every retry failed. Nothing in
/// the message is the key.
/// </summary>
public sealed class LeaderboardClientException : Exception
{
    public LeaderboardClientException()
    {
    }

    public LeaderboardClientException(string message)
        : base(message)
    {
    }

    public LeaderboardClientException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public LeaderboardClientException(string message, int? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status (or the status a hub upload failed with: 401, 403, 503), when there was one.</summary>
    public int? StatusCode { get; }
}
