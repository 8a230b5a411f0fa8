using System.Threading.RateLimiting;

namespace Leaderboard.Web.Security;

/// <summary>A <see cref="KeyBucket"/>'s answer; a refusal carries <see cref="MetadataName.RetryAfter"/>.</summary>
internal sealed class BucketLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
{
    public static readonly BucketLease Granted = new(true, null);

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (retryAfter is { } after && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = after;
            return true;
        }

        metadata = null;
        return false;
    }
}
