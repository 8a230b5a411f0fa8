using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Leaderboard.Tests.Security;

/// <summary>An in-memory logger provider: every message of every category, formatted, with its structured values and exception.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _lines);

    public void Dispose()
    {
    }
}
