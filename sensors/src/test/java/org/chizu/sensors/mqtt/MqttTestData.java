package org.chizu.sensors.mqtt;

import org.springframework.jdbc.core.JdbcTemplate;

/** A river gauge's water-level datastream, straight in the tables. */
final class MqttTestData {

    private MqttTestData() {
    }

    static long riverLevelDatastream(JdbcTemplate jdbc) {
        return riverLevelDatastream(jdbc, null);
    }

    /** One whose Thing names the device that may publish its readings (none when null). */
    static long riverLevelDatastream(JdbcTemplate jdbc, String device) {
        return jdbc.queryForObject("""
                with thing as (insert into sta_thing (name, properties)
                               values ('高津川 水位計 高角橋', case when ?::text is null then null else jsonb_build_object('device', ?::text) end) returning id),
                     location as (insert into sta_location (name, location) values ('高角橋', st_setsrid(st_point(131.8412, 34.6801), 4326)) returning id),
                     link as (insert into sta_thing_location select thing.id, location.id from thing, location),
                     sensor as (insert into sta_sensor (name, encoding_type, metadata) values ('水位計', 'text/plain', 'radar') returning id),
                     property as (insert into sta_observed_property (name, definition) values ('水位', 'http://vocabs.example.jp/water-level') returning id)
                insert into sta_datastream (name, observation_type, unit_of_measurement, thing_id, sensor_id, observed_property_id)
                select '高津川 水位', 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement', '{"name":"metre","symbol":"m"}',
                       thing.id, sensor.id, property.id from thing, sensor, property
                returning id""", Long.class, device, device);
    }
}
