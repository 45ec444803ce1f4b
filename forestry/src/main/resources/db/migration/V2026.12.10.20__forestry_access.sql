-- A firm's application to use laser-survey data: which organisation (accounts' approved organisation,
-- by id only: another module's table), the area (sub-compartments of the forests layer or a drawn
-- polygon), the products and the purpose, under which version of the terms. Staff approve it with the
-- surveying body's approval reference (測量法 re-use approval), or refuse it with a reason.
create table forestry_application (
    id                  bigint generated always as identity primary key,
    organisation_id     bigint not null,
    applied_by          bigint not null,
    area                geometry(MultiPolygon, 6668) not null check (ST_IsValid(area) and not ST_IsEmpty(area)),
    -- the forests layer's rows the area was made of; empty for a drawn polygon
    compartment_ids     bigint[] not null default '{}',
    products            text[] not null check (cardinality(products) > 0 and products <@ array['dem', 'dsm', 'chm', 'slope',
                            'hillshade', 'cs-relief', 'tree_points', 'resource_mesh', 'point_cloud']),
    purpose             text not null check (length(purpose) between 1 and 2000),
    terms_version       text not null,
    status              text not null default 'pending' check (status in ('pending', 'approved', 'refused')),
    applied_at          timestamptz not null default now(),
    decided_by          bigint,
    decided_at          timestamptz,
    survey_approval_ref text check (length(survey_approval_ref) between 1 and 200),
    reason              text check (length(reason) between 1 and 2000),
    check ((status = 'pending') = (decided_at is null)),
    check (status <> 'approved' or survey_approval_ref is not null),
    check (status <> 'refused' or reason is not null)
);
create index forestry_application_organisation on forestry_application (organisation_id);
create index forestry_application_area on forestry_application using gist (area);

-- Every download of survey data, whatever serves it (a whole product file now, clip jobs later): the
-- town's KPI counts the organisations using the data and the downloads per month from it.
create table forestry_download (
    id              bigint generated always as identity primary key,
    application_id  bigint not null references forestry_application (id),
    organisation_id bigint not null,
    account_id      bigint not null,
    survey_id       bigint not null references laser_survey (id),
    product         text not null,
    byte_size       bigint not null check (byte_size >= 0),
    downloaded_at   timestamptz not null default now()
);
create index forestry_download_month on forestry_download (downloaded_at);
