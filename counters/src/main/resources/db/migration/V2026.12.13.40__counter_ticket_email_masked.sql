-- The address a remote ticket left, masked as its follow page shows it ("t***@example.jp"), kept after
-- the address itself is forgotten on the call, so the page can still say where the mail went.
alter table counter_ticket add column email_masked text check (email_masked is null or channel = 'remote');
