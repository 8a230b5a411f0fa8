-- Which content of the data folder (Leaderboard:DataPath) the stored catalogue last took: a node that starts with
-- other content in its folder applies it as a new revision; one that starts with the same content keeps what is
-- stored (with whatever the admin API changed since). NULL: stored before this was kept.
ALTER TABLE catalogue_revision ADD COLUMN IF NOT EXISTS folder_digest text NULL;
