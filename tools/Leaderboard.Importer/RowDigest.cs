using System.Security.Cryptography;
using System.Text;

namespace Leaderboard.Importer;

/// <summary>A running SHA-256 of the records read so far: what a checkpoint compares to know the file is the same up to it.</summary>
public sealed class RowDigest : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public void Append(IReadOnlyList<string> record)
    {
        foreach (var field in record)
        {
            _hash.AppendData(Encoding.UTF8.GetBytes(field));
            _hash.AppendData([0x1F]);
        }

        _hash.AppendData([0x1E]);
    }

    /// <summary>The digest of everything appended so far; appending may go on.</summary>
    public string Current => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public void Dispose() => _hash.Dispose();
}
