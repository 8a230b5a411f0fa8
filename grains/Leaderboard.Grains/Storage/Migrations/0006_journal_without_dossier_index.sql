-- The journal's index on dossier is dropped: no statement of the node reads the journal by dossier (replay reads a
-- shard by sequence, idempotency goes through the primary key), and every append paid for it. An audit by dossier
-- can filter on the dossier's shard (ledger sharding is a hash of the dossier) and read that shard's rows.
DROP INDEX IF EXISTS journal_dossier_idx;
