using System.Text.Json;

namespace Leaderboard.Domain.Events;

/// <summary>One property of an object being canonicalised: where its decoded name sits in the name scratch, its position, its value.</summary>
internal readonly record struct CanonicalProperty(int NameStart, int NameLength, int Position, JsonElement Value);
