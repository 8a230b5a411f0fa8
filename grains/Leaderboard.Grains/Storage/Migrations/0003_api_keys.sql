-- Keys created through the admin API (integrator and viewer keys). A key is shown once, when it is created;
-- only its SHA-256 digest is kept, so a copy of this table opens nothing. Revoking sets revoked_at and keeps
-- the row, so the list of keys stays an audit trail. Keys given in configuration are never stored here.
CREATE TABLE api_keys
(
    id         text        NOT NULL,
    name       text        NOT NULL,
    kind       text        NOT NULL,
    key_hash   bytea       NOT NULL,
    units      text[]      NOT NULL,
    can_write  boolean     NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz NULL,
    CONSTRAINT api_keys_pkey PRIMARY KEY (id),
    CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash),
    CONSTRAINT api_keys_kind_check CHECK (kind IN ('integrator', 'viewer')),
    CONSTRAINT api_keys_hash_length_check CHECK (octet_length(key_hash) = 32)
);
