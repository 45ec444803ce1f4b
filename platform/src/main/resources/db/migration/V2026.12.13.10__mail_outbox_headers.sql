-- Header fields of their own that a message of the outbox carries (List-Unsubscribe and
-- List-Unsubscribe-Post for one-click unsubscribing, RFC 8058), checked by MailHeaders before they
-- are queued. They go with the message: deleted with it once it is forgotten.
create table mail_outbox_header (
    mail_id bigint not null references mail_outbox (id) on delete cascade,
    name    text not null,
    value   text not null check (value !~ '[\r\n]'),
    primary key (mail_id, name)
);
