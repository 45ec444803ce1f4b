-- Staff triage of many reports: who does the work (a staff account's sign-in name), how urgent it is
-- and by when; and the indexes the staff list pages, filters and sorts with.
alter table report
    add column assignee  text,
    add column priority  text not null default 'normal' check (priority in ('high', 'normal', 'low')),
    add column due_on    date;

create index report_status_idx on report (status, id);
create index report_moderation_idx on report (moderation, id);
create index report_category_idx on report (category, id);
create index report_municipality_idx on report (municipality_code, id);
create index report_assignee_idx on report (assignee, id) where assignee is not null;
create index report_due_on_idx on report (due_on) where due_on is not null;
-- The monthly statistics find when each report was closed.
create index report_update_closed_idx on report_update (report_id, changed_at) where status = 'closed';
