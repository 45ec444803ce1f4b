-- Durable background jobs. Every Chizu process with workers claims queued jobs with
-- "for update skip locked" and holds a lease on each: lease_token names that claim and lease_until
-- says how long it holds; the worker renews it while the job runs. A job whose lease ran out (its
-- process died) is queued again, and a finishing worker's update names its lease_token, so only
-- the claim that still holds the job can mark it done: a job is never finished twice.
create table job (
    id               bigint generated always as identity primary key,
    kind             text not null,
    owner            text not null,
    payload          jsonb not null default '{}',
    state            text not null default 'queued'
                     check (state in ('queued', 'running', 'done', 'failed', 'cancelled', 'expired')),
    progress         smallint not null default 0 check (progress between 0 and 100),
    message          text,
    attempts         integer not null default 0 check (attempts >= 0),
    max_attempts     integer not null check (max_attempts >= 1),
    run_after        timestamptz not null default now(),
    cancel_requested boolean not null default false,
    worker           text,
    lease_token      uuid,
    lease_until      timestamptz,
    last_error       text,
    result_path      text,
    result_name      text,
    result_type      text,
    result_bytes     bigint,
    result_sha256    text,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    expires_at       timestamptz,
    check ((state = 'running') = (lease_token is not null)),
    check (state <> 'running' or lease_until is not null)
);
create index job_queued_idx on job (run_after, id) where state = 'queued';
create index job_lease_idx on job (lease_until) where state = 'running';
create index job_expiry_idx on job (expires_at) where state = 'done';
create index job_owner_idx on job (owner, id desc);
create index job_state_idx on job (state, id desc);
