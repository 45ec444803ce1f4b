-- What the MQTT broker checks a device's token against: the token's salted PBKDF2-SHA512 hash in
-- Mosquitto's password-file format, made when the token was issued (the platform keeps only an
-- unsalted SHA-256, which Mosquitto cannot use). The broker's password file is written from the
-- rows whose token is still valid; token_hash is the platform's name for the token.
create table mqtt_device_credential (
    token_hash  text primary key,
    client_name text not null,
    broker_hash text not null
);
