-- Staff-only notes on a report ("called the contractor", "same as #123"): kept apart from the report
-- and its public history, so no public view, follow page or Open311 answer can carry them.
create table report_staff_note (
    id          bigint generated always as identity primary key,
    report_id   bigint not null references report (id) on delete cascade,
    note        text not null check (length(note) between 1 and 2000),
    written_by  text not null,
    written_at  timestamptz not null default now()
);

create index report_staff_note_report_idx on report_staff_note (report_id, written_at);
