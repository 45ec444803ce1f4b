-- What staff and administrators changed: who, what, when and from where. Append-only: the trigger
-- refuses every update, delete and truncate, whoever asks, so a record cannot be changed or removed
-- through the application (nor by its database user without dropping the trigger, which leaves a trace
-- in the database's own log).
create table audit_log (
    id       bigint generated always as identity primary key,
    at       timestamptz not null default now(),
    actor    text not null,
    address  text not null,
    action   text not null,
    target   text not null,
    details  jsonb not null default '{}'
);
create index audit_log_at_idx on audit_log (at);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change();
revoke update, delete, truncate on audit_log from public;
