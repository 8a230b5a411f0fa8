namespace Leaderboard.Grains.Storage.Migrations;

/// <summary>One embedded schema migration: <c>NNNN_name.sql</c>.</summary>
public sealed record Migration(int Version, string Name, string Sql);
