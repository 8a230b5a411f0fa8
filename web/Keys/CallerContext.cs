using Leaderboard.Web.Ingestion;

namespace Leaderboard.Web.Keys;

/// <summary>The caller that <see cref="KeyFilter"/> accepted, handed to the endpoint's handler.</summary>
public static class CallerContext
{
    private static readonly object ItemKey = new();

    public static void SetCaller(this HttpContext context, Caller caller) => context.Items[ItemKey] = caller;

    /// <summary>The accepted caller; throws when the endpoint has no key filter, which is a wiring mistake.</summary>
    public static Caller GetCaller(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var caller) && caller is Caller c
            ? c
            : throw new InvalidOperationException("This endpoint has no key filter.");

    /// <summary>The accepted caller, or null (open viewing needs no key).</summary>
    public static Caller? FindCaller(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var caller) ? caller as Caller : null;
}
