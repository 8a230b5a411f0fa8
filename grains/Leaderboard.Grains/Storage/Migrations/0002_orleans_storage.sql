-- Grain state for Orleans' ADO.NET grain storage provider (Microsoft.Orleans.Persistence.AdoNet).
-- The provider reads its statements from OrleansQuery at start-up and binds these parameters:
-- @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
-- @ServiceId, plus @GrainStateVersion (write, clear, delete) and @PayloadBinary (write).
-- It reads the columns "PayloadBinary" and "Version" (read), "NewGrainStateVersion" (write) and the
-- first column (clear, delete). A write or clear that returns the version it was given, or nothing,
-- is a version conflict (another activation wrote first): the statements below return the given
-- version whenever their optimistic check fails.
--
-- The hashes the provider computes are not stored: the natural key is the primary key, which also
-- makes two concurrent first writes of one grain safe (one inserts, the other conflicts).
-- A grain without a key extension is stored with an empty extension.

CREATE TABLE orleans_grain_state
(
    service_id   text        NOT NULL,
    grain_type   text        NOT NULL,
    grain_id_n0  bigint      NOT NULL,
    grain_id_n1  bigint      NOT NULL,
    grain_id_ext text        NOT NULL,
    payload      bytea       NULL,
    version      integer     NOT NULL,
    modified_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_grain_state_pkey PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext)
);

-- Shared with the clustering statements that a later migration adds.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT orleansquery_pkey PRIMARY KEY (QueryKey)
);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'ReadFromStorageKey',
    'SELECT s.payload AS "PayloadBinary", s.version AS "Version"
     FROM orleans_grain_state AS s
     WHERE s.service_id = @ServiceId
       AND s.grain_type = @GrainTypeString
       AND s.grain_id_n0 = @GrainIdN0
       AND s.grain_id_n1 = @GrainIdN1
       AND s.grain_id_ext = coalesce(@GrainIdExtensionString, '''')
       AND @GrainIdHash IS NOT NULL
       AND @GrainTypeHash IS NOT NULL'
),
(
    'WriteToStorageKey',
    'WITH updated AS
     (
         UPDATE orleans_grain_state AS s
         SET payload = @PayloadBinary, version = s.version + 1, modified_at = now()
         WHERE @GrainStateVersion IS NOT NULL
           AND s.service_id = @ServiceId
           AND s.grain_type = @GrainTypeString
           AND s.grain_id_n0 = @GrainIdN0
           AND s.grain_id_n1 = @GrainIdN1
           AND s.grain_id_ext = coalesce(@GrainIdExtensionString, '''')
           AND s.version = @GrainStateVersion
         RETURNING s.version
     ),
     inserted AS
     (
         INSERT INTO orleans_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext, payload, version)
         SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, coalesce(@GrainIdExtensionString, ''''), @PayloadBinary, 1
         WHERE @GrainStateVersion IS NULL
           AND @GrainIdHash IS NOT NULL
           AND @GrainTypeHash IS NOT NULL
         ON CONFLICT DO NOTHING
         RETURNING version
     )
     SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted), @GrainStateVersion) AS "NewGrainStateVersion"'
),
(
    'ClearStorageKey',
    'WITH cleared AS
     (
         UPDATE orleans_grain_state AS s
         SET payload = NULL, version = s.version + 1, modified_at = now()
         WHERE s.service_id = @ServiceId
           AND s.grain_type = @GrainTypeString
           AND s.grain_id_n0 = @GrainIdN0
           AND s.grain_id_n1 = @GrainIdN1
           AND s.grain_id_ext = coalesce(@GrainIdExtensionString, '''')
           AND s.version = @GrainStateVersion
           AND @GrainIdHash IS NOT NULL
           AND @GrainTypeHash IS NOT NULL
         RETURNING s.version
     )
     SELECT coalesce((SELECT version FROM cleared), @GrainStateVersion) AS "NewGrainStateVersion"'
),
(
    'DeleteStorageKey',
    'WITH deleted AS
     (
         DELETE FROM orleans_grain_state AS s
         WHERE s.service_id = @ServiceId
           AND s.grain_type = @GrainTypeString
           AND s.grain_id_n0 = @GrainIdN0
           AND s.grain_id_n1 = @GrainIdN1
           AND s.grain_id_ext = coalesce(@GrainIdExtensionString, '''')
           AND s.version = @GrainStateVersion
           AND @GrainIdHash IS NOT NULL
           AND @GrainTypeHash IS NOT NULL
         RETURNING s.version
     )
     SELECT coalesce((SELECT version + 1 FROM deleted), @GrainStateVersion) AS "NewGrainStateVersion"'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
