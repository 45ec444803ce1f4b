-- Residents' e-mail subscriptions to alerts: each follows one datastream (a river gauge …) or one
-- hazard zone (zone_id: an id of the hazard_zones layer, which is not this module's, so no foreign
-- key). token is the secret of the confirm and unsubscribe links; a subscription is mailed alerts
-- only once confirmed_at is set (double opt-in). Unsubscribing deletes the row.
create table alert_subscription (
    id            bigint generated always as identity primary key,
    email         text not null,
    datastream_id bigint references sta_datastream (id) on delete cascade,
    zone_id       bigint,
    token         text not null unique,
    created_at    timestamptz not null default now(),
    confirmed_at  timestamptz,
    check ((datastream_id is null) <> (zone_id is null))
);
create unique index alert_subscription_once on alert_subscription (lower(email), coalesce(datastream_id, 0), coalesce(zone_id, 0));
create index alert_subscription_datastream on alert_subscription (datastream_id) where confirmed_at is not null;
create index alert_subscription_zone on alert_subscription (zone_id) where confirmed_at is not null;
