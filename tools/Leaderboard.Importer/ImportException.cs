namespace Leaderboard.Importer;

/// <summary>An import that cannot go on (exit code 2): the message says why, in Vietnamese.</summary>
public sealed class ImportException : Exception
{
    public ImportException()
    {
    }

    public ImportException(string message)
        : base(message)
    {
    }

    public ImportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
