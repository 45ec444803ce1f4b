-- A resident taking a ticket from their phone may leave an e-mail address to be told when their turn
-- is near; the address is forgotten once the ticket is called.
alter table counter_ticket add column email text check (email is null or channel = 'remote');

-- The tickets whose "your turn is near" mail is queued: one row each, inserted in the transaction that
-- queues the mail, so calls racing at several desks queue it once (the second insert waits for the
-- first's commit and then does nothing). A row of its own, so that marking never locks a ticket a
-- desk is about to call.
create table counter_ticket_near_notice (
    ticket_id  bigint primary key references counter_ticket (id) on delete cascade,
    queued_at  timestamptz not null
);
