namespace Leaderboard.Domain.Counting;

/// <summary>Where a code's characters sit in <see cref="DossierCodes"/>' array, and the code's hash.</summary>
internal readonly record struct DossierCodeSpan(int Start, int Length, int Hash);
