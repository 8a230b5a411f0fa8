namespace Leaderboard.Abstractions;

/// <summary>Storage could not be reached: the API answers 503 with Retry-After, and a retry is safe.</summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
