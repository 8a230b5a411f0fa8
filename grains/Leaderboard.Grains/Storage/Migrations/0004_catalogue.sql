-- The organisation and its campaigns as the admin API last replaced them, in the data folder's formats,
-- so that every node loads the same files. The revision tells nodes that poll it when to reload.
CREATE TABLE catalogue_file
(
    name       text        NOT NULL,
    content    text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT catalogue_file_pkey PRIMARY KEY (name)
);

CREATE TABLE catalogue_revision
(
    id       smallint NOT NULL DEFAULT 1,
    revision bigint   NOT NULL,
    CONSTRAINT catalogue_revision_pkey PRIMARY KEY (id),
    CONSTRAINT catalogue_revision_single CHECK (id = 1)
);
