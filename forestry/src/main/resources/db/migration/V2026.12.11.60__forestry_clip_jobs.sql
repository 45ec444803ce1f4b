-- A firm's clip job: a platform job (kind forestry.clip, by id only: another module's table) that clips
-- one survey to an approved application's area. Its estimate is kept, since an organisation's monthly
-- quota counts the estimated points of the jobs it started.
create table forestry_clip_job (
    job_id           bigint primary key,
    application_id   bigint not null references forestry_application (id),
    organisation_id  bigint not null,
    account_id       bigint not null,
    survey_id        bigint not null references laser_survey (id),
    estimated_points bigint not null check (estimated_points >= 0),
    estimated_bytes  bigint not null check (estimated_bytes >= 0),
    started_at       timestamptz not null default now()
);
create index forestry_clip_job_organisation on forestry_clip_job (organisation_id, started_at);
