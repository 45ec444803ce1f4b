-- The topic filters below v1.1/ that clients hold on the broker, as the broker logs their
-- subscriptions: what tells Chizu which $select topics to publish and whether anyone listens on the
-- topics it announces only on demand. Kept here so that a restart of Chizu (the broker keeps its
-- clients' subscriptions) does not forget them.
create table mqtt_subscription (
    client_id    text not null,
    topic_filter text not null,
    primary key (client_id, topic_filter)
);
