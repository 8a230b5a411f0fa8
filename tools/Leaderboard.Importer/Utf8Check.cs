using System.Buffers;
using System.Text.Unicode;

namespace Leaderboard.Importer;

/// <summary>Where a file stops being UTF-8: the line (1 is the header) and the byte in that line, both from 1.</summary>
internal static class Utf8Check
{
    private const int Chunk = 1 << 16;

    /// <summary>The first byte that is not UTF-8, or null when the whole file is.</summary>
    public static (long Line, long Byte)? FirstInvalid(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, Chunk);
        var bytes = ArrayPool<byte>.Shared.Rent(Chunk + 4);
        var chars = ArrayPool<char>.Shared.Rent(Chunk + 4);
        try
        {
            long line = 1;
            long lineStart = 0;
            long offset = 0;
            var carried = 0;
            while (true)
            {
                var read = file.Read(bytes, carried, Chunk);
                var length = carried + read;
                var final = read == 0;
                var status = Utf8.ToUtf16(bytes.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                for (var i = 0; i < consumed; i++)
                {
                    if (bytes[i] == (byte)'\n')
                    {
                        line++;
                        lineStart = offset + i + 1;
                    }
                }

                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    return (line, offset + consumed - lineStart + 1);
                }

                if (final)
                {
                    return null;
                }

                // What is left is the start of a character the next read completes.
                carried = length - consumed;
                bytes.AsSpan(consumed, carried).CopyTo(bytes);
                offset += consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
