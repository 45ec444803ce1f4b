-- Files attached to a message of the outbox (a monthly report's workbook and CSV), in their order.
-- They go with the message: deleted with it once it is forgotten.
create table mail_outbox_attachment (
    mail_id      bigint not null references mail_outbox (id) on delete cascade,
    position     integer not null check (position >= 0),
    filename     text not null,
    content_type text not null,
    content      bytea not null,
    primary key (mail_id, position)
);
