-- The outbox of e-mails to residents, for every module: one row per message and recipient, written
-- in the transaction of the change it tells of (so a rolled-back change sends nothing) and sent
-- afterwards by whichever Chizu process claims it first (select … for update skip locked).
-- about says what the message is about ("report 12", "alert subscription 3"), for the log, which
-- never names the address. next_attempt_at is when the message is due; it becomes null once the
-- message is sent (sent_at is set) or given up after too many failures (sent_at stays null,
-- last_error says why).
create table mail_outbox (
    id               bigint generated always as identity primary key,
    about            text not null,
    recipient        text not null,
    subject          text not null,
    body             text not null,
    created_at       timestamptz not null default now(),
    attempts         integer not null default 0 check (attempts >= 0),
    next_attempt_at  timestamptz default now(),
    sent_at          timestamptz,
    last_error       text,
    check (sent_at is null or next_attempt_at is null)
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where next_attempt_at is not null;
