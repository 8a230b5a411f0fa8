namespace Leaderboard.Tests.Fuzz;

/// <summary>One generated event: its JSON text and the field a correct service names when it rejects it (null: valid).</summary>
internal sealed record FuzzCase(string Text, string? Field, string Kind);
