-- Layer declarations an admin added while Chizu runs (POST /api/layers). They live in the database,
-- not in the town's folder, so that every process on the database reads the same ones (a folder is
-- one machine's) and a change and its announcement to the other processes commit together.
create table layer_declaration (
    layer_id    text        primary key,
    declaration text        not null,
    declared_by text,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
