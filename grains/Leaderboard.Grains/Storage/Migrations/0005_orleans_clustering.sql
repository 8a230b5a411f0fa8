-- Cluster membership for Orleans' ADO.NET clustering provider (Microsoft.Orleans.Clustering.AdoNet): every web node
-- and headless silo of one cluster (ClusterId, which the provider passes as @DeploymentId) registers here, and the
-- silos agree on who is alive through these statements.
--
-- What the provider (10.4.x) expects, read from its public source and checked against the shipped assembly:
-- * The membership view is versioned as a whole: one version row per cluster. Every change of a silo's row
--   (InsertMembershipKey, UpdateMembershipKey) carries the version the caller read (@Version) and succeeds only if
--   the version row still holds it, bumping it by one in the same statement. The caller re-reads and retries when
--   it gets false. These two and InsertMembershipVersionKey answer one row with one boolean column.
-- * A silo is @Address (text) + @Port + @Generation. @Status is Orleans' SiloStatus number (3 Active, 6 Dead).
--   @SuspectTimes is the provider's own "silo,time|silo,time" text, stored as given. Times arrive as UTC DateTimes
--   and are read back as UTC: timestamptz, so the session time zone never shifts them.
-- * The read statements answer the version row left-joined with the silos' rows, with the column names the
--   provider reads: Version, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, SuspectTimes,
--   StartTime, IAmAliveTime. A cluster without silos still answers its version row (with a null StartTime).
-- * UpdateIAmAlivetimeKey is the heartbeat: no version check and no version bump (it decides nothing).
-- * CleanupDefunctSiloEntryKey is optional for the provider; with it, defunct rows are removed one by one and only
--   while they are still exactly as the provider last read them, so a row that changed in between stays.

CREATE TABLE orleans_membership_version
(
    deployment_id text        NOT NULL,
    version       integer     NOT NULL DEFAULT 0,
    modified_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleans_membership_version_pkey PRIMARY KEY (deployment_id)
);

CREATE TABLE orleans_membership
(
    deployment_id   text        NOT NULL,
    address         text        NOT NULL,
    port            integer     NOT NULL,
    generation      integer     NOT NULL,
    silo_name       text        NOT NULL,
    host_name       text        NOT NULL,
    status          integer     NOT NULL,
    proxy_port      integer     NOT NULL,
    suspect_times   text        NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    CONSTRAINT orleans_membership_pkey PRIMARY KEY (deployment_id, address, port, generation),
    CONSTRAINT orleans_membership_version_fkey FOREIGN KEY (deployment_id)
        REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE
);

-- Created by 0002 already; kept here so that this migration stands on its own.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL,
    QueryText text        NOT NULL,
    CONSTRAINT orleansquery_pkey PRIMARY KEY (QueryKey)
);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES
(
    'InsertMembershipVersionKey',
    'WITH inserted AS
     (
         INSERT INTO orleans_membership_version (deployment_id, version)
         VALUES (@DeploymentId, 0)
         ON CONFLICT DO NOTHING
         RETURNING 1
     )
     SELECT EXISTS (SELECT 1 FROM inserted)'
),
(
    'MembershipReadAllKey',
    'SELECT v.version AS "Version",
            m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
            m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
            m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
     FROM orleans_membership_version AS v
     LEFT JOIN orleans_membership AS m ON m.deployment_id = v.deployment_id
     WHERE v.deployment_id = @DeploymentId'
),
(
    'MembershipReadRowKey',
    'SELECT v.version AS "Version",
            m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
            m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
            m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
     FROM orleans_membership_version AS v
     LEFT JOIN orleans_membership AS m
       ON m.deployment_id = v.deployment_id
      AND m.address = @Address
      AND m.port = @Port
      AND m.generation = @Generation
     WHERE v.deployment_id = @DeploymentId'
),
(
    'InsertMembershipKey',
    'WITH bumped AS
     (
         UPDATE orleans_membership_version AS v
         SET version = v.version + 1, modified_at = now()
         WHERE v.deployment_id = @DeploymentId
           AND v.version = @Version
         RETURNING v.deployment_id
     ),
     inserted AS
     (
         INSERT INTO orleans_membership
             (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
         SELECT b.deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime
         FROM bumped AS b
         ON CONFLICT DO NOTHING
         RETURNING 1
     )
     SELECT EXISTS (SELECT 1 FROM inserted)'
),
(
    'UpdateMembershipKey',
    'WITH bumped AS
     (
         UPDATE orleans_membership_version AS v
         SET version = v.version + 1, modified_at = now()
         WHERE v.deployment_id = @DeploymentId
           AND v.version = @Version
         RETURNING v.deployment_id
     ),
     updated AS
     (
         UPDATE orleans_membership AS m
         SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
         FROM bumped AS b
         WHERE m.deployment_id = b.deployment_id
           AND m.address = @Address
           AND m.port = @Port
           AND m.generation = @Generation
         RETURNING 1
     )
     SELECT EXISTS (SELECT 1 FROM updated)'
),
(
    'UpdateIAmAlivetimeKey',
    'UPDATE orleans_membership
     SET i_am_alive_time = @IAmAliveTime
     WHERE deployment_id = @DeploymentId
       AND address = @Address
       AND port = @Port
       AND generation = @Generation'
),
(
    'GatewaysQueryKey',
    'SELECT m.address AS "Address", m.proxy_port AS "ProxyPort", m.generation AS "Generation"
     FROM orleans_membership AS m
     WHERE m.deployment_id = @DeploymentId
       AND m.status = @Status
       AND m.proxy_port > 0'
),
(
    'DeleteMembershipTableEntriesKey',
    'DELETE FROM orleans_membership_version
     WHERE deployment_id = @DeploymentId'
),
(
    'CleanupDefunctSiloEntriesKey',
    'DELETE FROM orleans_membership
     WHERE deployment_id = @DeploymentId
       AND status = 6
       AND i_am_alive_time < @IAmAliveTime'
),
(
    'CleanupDefunctSiloEntryKey',
    'DELETE FROM orleans_membership
     WHERE deployment_id = @DeploymentId
       AND address = @Address
       AND port = @Port
       AND generation = @Generation
       AND status = 6
       AND start_time = @StartTime
       AND i_am_alive_time = @IAmAliveTime
       AND suspect_times IS NOT DISTINCT FROM @SuspectTimes'
)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = EXCLUDED.QueryText;
