using System.Security.Cryptography;
using System.Text;
using Leaderboard.Grains.Storage;

namespace Leaderboard.Tests.Storage;

/// <summary>Journal entries for tests: the hash is the SHA-256 of the content, as the ingest path computes it.</summary>
internal static class JournalEntries
{
    public static JournalEntry Entry(string id, int shard, long sequence, string? content = null, string? countedFor = "U1")
    {
        var text = content ?? $$"""{"id":"{{id}}","type":"dossier.received"}""";
        return new JournalEntry(id, shard, sequence, "U1", countedFor, $"D-{id}", Hash(text), Encoding.UTF8.GetBytes(text));
    }

    public static byte[] Hash(string content) => SHA256.HashData(Encoding.UTF8.GetBytes(content));

    public static async Task<List<JournalEntry>> ReadAllAsync(IEventJournal journal, int shard, long afterSequence = long.MinValue)
    {
        var entries = new List<JournalEntry>();
        await foreach (var entry in journal.ReadShardAsync(shard, afterSequence))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
