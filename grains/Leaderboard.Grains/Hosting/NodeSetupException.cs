namespace Leaderboard.Grains.Hosting;

/// <summary>
/// A node cannot start as it is set up (the database named does not exist, the password is wrong, another cluster uses
/// the database): waiting would not help, so the start stops at once with words for the operator, not a stack trace.
/// </summary>
public sealed class NodeSetupException : Exception
{
    public NodeSetupException()
    {
    }

    public NodeSetupException(string message)
        : base(message)
    {
    }

    public NodeSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// The words alone: the host logs a failed start with the exception, and a stack trace there (Npgsql's, forty lines)
    /// buried the one line that says what to fix. The stack stays in <see cref="Exception.StackTrace"/>.
    /// </summary>
    public override string ToString() => $"{GetType().Name}: {Message}";
}
