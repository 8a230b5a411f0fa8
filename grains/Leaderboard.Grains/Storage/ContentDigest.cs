using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Leaderboard.Grains.Storage;

/// <summary>An event's content hash (SHA-256 of its canonical form) held inline, without an array.</summary>
internal readonly record struct ContentDigest(UInt128 First, UInt128 Second)
{
    public static ContentDigest Of(ReadOnlySpan<byte> sha256)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(sha256.Length, SHA256.HashSizeInBytes, nameof(sha256));
        return new ContentDigest(BinaryPrimitives.ReadUInt128LittleEndian(sha256), BinaryPrimitives.ReadUInt128LittleEndian(sha256[16..]));
    }
}
