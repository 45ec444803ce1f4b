-- Live events (GET /events): the recent events of every topic, kept for a bounded time and count so
-- that a client reconnecting with Last-Event-ID gets what it missed, from whichever process it reaches.
-- Ids are assigned in commit order (publishers take an advisory lock for the moment of their commit),
-- so "every event after id N" is the same answer in every process and at any later time.
create table live_event (
    id           bigint generated always as identity primary key,
    topic        text not null,
    data         jsonb not null,
    published_at timestamptz not null default now()
);
-- Replays read the ids after the client's last one for its few topics.
create index live_event_topic_id_idx on live_event (topic, id);
