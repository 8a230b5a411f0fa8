namespace Leaderboard.Tests.Infrastructure;

/// <summary>A unit's <c>online-dossier</c> numbers: dossiers received online, and all dossiers received.</summary>
public sealed record DossierCount(int Online, int All)
{
    public DossierCount Plus(int online, int all) => new(Online + online, All + all);
}
