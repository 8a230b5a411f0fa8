using System.Text.Json;

namespace Leaderboard.Domain.Events;

/// <summary>
/// One member of a JSON container as <see cref="CanonicalWriter"/> read it: for an object's property, where its decoded
/// name sits in the name scratch, the name's first eight bytes as a number that sorts as they do, and its position in
/// the object; its value's token; for a string or number, the raw token in the input (a string's without quotes,
/// escapes as written, <see cref="Escaped"/> when it has any); for an object or array, its members as a block of the
/// member table; and the first repeated name (as a name in the scratch) or too-deep nesting the value holds, in the
/// order of the canonical form. Holds no references, so the writer moves and keeps members without the GC's help.
/// </summary>
internal readonly record struct CanonicalMember(
    int NameStart,
    int NameLength,
    ulong NameKey,
    int Position,
    JsonTokenType Kind,
    bool Escaped,
    CanonicalStatus Status,
    int Start,
    int Length,
    int DuplicateStart,
    int DuplicateLength);
