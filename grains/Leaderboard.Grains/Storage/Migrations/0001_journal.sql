-- The journal of accepted events: the source of truth every number is rebuilt from.
-- Lean on purpose: one primary key (idempotency by event id), one unique key (a shard's sequence,
-- so a stale activation cannot append twice) and one index (dossier, for moves and audits).
CREATE TABLE journal
(
    event_id     text        NOT NULL,
    shard        integer     NOT NULL,
    seq          bigint      NOT NULL,
    unit         text        NOT NULL,
    counted_for  text        NULL,
    dossier      text        NOT NULL,
    content_hash bytea       NOT NULL,
    content      text        NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT journal_pkey PRIMARY KEY (event_id),
    CONSTRAINT journal_shard_seq_key UNIQUE (shard, seq)
);

CREATE INDEX journal_dossier_idx ON journal (dossier);
