-- Browser sessions live in the server's memory, but accounts are changed by ./chizu, another
-- process: the database is where the server learns that a session must end. A session remembers
-- the generation it signed in under and is honoured only while the account is enabled and its
-- generation unchanged; disabling an account or setting a new password increments it.

alter table staff_account add column session_generation integer not null default 0;

comment on column staff_account.session_generation is
    'セッション世代 / Incremented to end every browser session of the account';
