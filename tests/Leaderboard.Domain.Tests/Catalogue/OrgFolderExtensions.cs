namespace Leaderboard.Domain.Tests.Catalogue;

internal static class OrgFolderExtensions
{
    /// <summary>Runs a test body on a fresh folder and deletes it afterwards.</summary>
    public static void Using(this OrgFolder org, Action<OrgFolder> body)
    {
        using (org)
        {
            body(org);
        }
    }
}
