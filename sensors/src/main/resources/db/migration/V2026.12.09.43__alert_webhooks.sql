-- Other systems' webhooks for alerts, registered by staff: each step of each alert is POSTed to
-- every registered URL, signed with its secret (HMAC-SHA256; the secret is needed to sign, so it is
-- kept as given and never shown again after registration).
create table alert_webhook (
    id            bigint generated always as identity primary key,
    url           text not null,
    secret        text not null,
    description   text not null default '',
    registered_by text not null,
    registered_at timestamptz not null default now()
);

-- The deliveries: one row per step and webhook, written in the step's transaction (so a step that
-- rolls back is never sent) and POSTed afterwards by whichever process claims it first (for update
-- skip locked). next_attempt_at is when it is due; null once delivered (delivered_at set) or given
-- up (delivered_at null, last_error says why).
create table alert_webhook_delivery (
    id              bigint generated always as identity primary key,
    webhook_id      bigint not null references alert_webhook (id) on delete cascade,
    event_id        uuid not null default gen_random_uuid(),
    payload         text not null,
    created_at      timestamptz not null default now(),
    attempts        integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz default now(),
    delivered_at    timestamptz,
    last_status     integer,
    last_error      text,
    check (delivered_at is null or next_attempt_at is null)
);
create index alert_webhook_delivery_due on alert_webhook_delivery (next_attempt_at) where next_attempt_at is not null;
create index alert_webhook_delivery_webhook on alert_webhook_delivery (webhook_id, id);
