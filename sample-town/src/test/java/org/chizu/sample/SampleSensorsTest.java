package org.chizu.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sample town's sensors: where they stand, what they watch, their quiet day, and the heavy rain
 * that {@code ./chizu sensors simulate} replays over them.
 */
class SampleSensorsTest {

    private static SampleTownDatabase town;

    @BeforeAll
    static void loadTheSampleTown() {
        town = new SampleTownDatabase();
        town.loader.load();
    }

    @AfterAll
    static void stop() {
        town.close();
    }

    @Test
    void eachTownHasSoilMoistureSensorsARainGaugeAndItsRiversGauge() {
        Map<String, Object> kinds = town.jdbc.queryForMap("""
                select count(*) filter (where t.name like '%土壌水分計') as soil, count(*) filter (where t.name like '%雨量観測所') as rain,
                       count(*) filter (where t.name like '%水位観測所') as river, count(*) as things
                from sta_thing t""");
        assertThat(kinds).containsEntry("soil", 6L).containsEntry("rain", 2L).containsEntry("river", 2L).containsEntry("things", 11L);
        assertThat(town.jdbc.queryForList("select name from sta_thing where name like '%水位観測所' order by name", String.class))
                .containsExactly("飯梨川 安来水位観測所", "高津川 高角水位観測所");
    }

    @Test
    void soilMoistureSensorsStandInsideTheLandslideZonesTheyWatch() {
        assertThat(sensorsOutsideTheirZones("土壌水分計", "'landslide_warning', 'landslide_special_warning'")).isEmpty();
    }

    @Test
    void riverGaugesStandInTheirRiversFloodZonesInsideTheirTown() {
        assertThat(sensorsOutsideTheirZones("水位観測所", "'flood'")).isEmpty();
        assertThat(town.jdbc.queryForList("""
                select t.name || ' ' || m.code from sta_thing t
                join sta_thing_location tl on tl.thing_id = t.id join sta_location l on l.id = tl.location_id
                join municipalities m on st_covers(m.geom, st_setsrid(l.location, 6668))
                where t.name like '%水位観測所' order by t.name""", String.class))
                .containsExactly("飯梨川 安来水位観測所 32206", "高津川 高角水位観測所 32204");
        assertThat(town.jdbc.queryForList("""
                select distinct h.name from sta_thing t
                cross join jsonb_array_elements(t.properties -> 'hazardZones') zone
                join hazard_zones h on h.id = zone.value::bigint
                where t.name = '高津川 高角水位観測所'""", String.class)).containsExactly("高津川 洪水浸水想定区域（想定最大規模）");
    }

    @Test
    void aWeatherStationAtACommunityHallReportsTemperatureHumidityAndRainInOneMultiDatastream() {
        Map<String, Object> station = town.jdbc.queryForMap("""
                select t.name as thing, m.id, m.name, m.description from sta_multi_datastream m join sta_thing t on t.id = m.thing_id""");
        assertThat((String) station.get("thing")).startsWith("益田市 ").endsWith("公民館 気象観測所");
        assertThat(station).containsEntry("name", "気温・湿度・10分間雨量")
                .containsEntry("description", "Air temperature, relative humidity and rainfall per 10 minutes");
        assertThat(town.context.getBean(org.chizu.sensors.SensorThings.class)
                .read("MultiDatastreams(" + station.get("id") + ")/ObservedProperties", Map.of()).path("value"))
                .extracting(property -> property.path("name").asText() + " / " + property.path("description").asText())
                .containsExactly("気温 / Air temperature", "相対湿度 / Relative humidity", "10分間雨量 / Rainfall per 10 minutes");
        assertThat(town.jdbc.queryForList("""
                select unit ->> 'symbol' from sta_multi_datastream m cross join jsonb_array_elements(m.unit_of_measurements) with ordinality u(unit, n)
                order by n""", String.class)).containsExactly("°C", "%", "mm");
    }

    @Test
    void aQuietDayOfReadingsEveryTenMinutesNoneFlaggedAndNoAlert() {
        assertThat(town.jdbc.queryForList("select count(*) from sta_observation group by datastream_id, multi_datastream_id", Long.class))
                .hasSize(11).allMatch(count -> count == 145);
        assertThat(town.jdbc.queryForObject("select count(*) from sta_observation where sta_flagged(result_quality)", Long.class)).isZero();
        assertThat(town.jdbc.queryForObject("select count(*) from sta_latest_observation", Long.class)).isEqualTo(10);
        assertThat(town.jdbc.queryForObject("""
                select max(phenomenon_time_start) - min(phenomenon_time_start) from sta_observation""", String.class)).isEqualTo("1 day");
        assertThat(town.jdbc.queryForObject("select count(*) from sensor_alert", Long.class)).isZero();
    }

    @Test
    void theHeavyRainRaisesUpdatesAndClearsTheRiversAlertsThroughAllFourLevels() throws Exception {
        long eventsBefore = town.jdbc.queryForObject("select count(*) from live_event where topic = 'alerts'", Long.class);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = town.context.getBean(SensorsSimulateCommand.class).run(List.of("--speed", "1000000000"),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("replaying 12 hours of heavy rain over 10 sensors")
                .contains("the rain has passed");
        assertThat(steps("高津川 高角水位観測所")).containsExactly(
                "raised 1 水防団待機水位", "updated 2 氾濫注意水位", "updated 3 避難判断水位", "updated 4 氾濫危険水位",
                "updated 3 避難判断水位", "updated 2 氾濫注意水位", "updated 1 水防団待機水位", "cleared 1 水防団待機水位");
        assertThat(steps("飯梨川 安来水位観測所")).startsWith("raised 1 水防団待機水位").contains("updated 4 氾濫危険水位")
                .endsWith("cleared 1 水防団待機水位");
        assertThat(town.jdbc.queryForObject("select count(distinct datastream_id) from sensor_alert where kind = 'threshold'", Long.class))
                .as("every sensor crossed its first level").isEqualTo(10);
        assertThat(town.jdbc.queryForObject("select count(*) from sensor_alert where cleared_at is null", Long.class)).isZero();
        assertThat(town.jdbc.queryForObject("select count(*) from sta_observation where sta_flagged(result_quality)", Long.class)).isZero();
        assertThat(town.jdbc.queryForObject("select count(*) from live_event where topic = 'alerts'", Long.class))
                .isGreaterThan(eventsBefore + 40);
        List<Map<String, Object>> weather = town.jdbc.queryForList("""
                select max((result_json ->> 0)::float8) - min((result_json ->> 0)::float8) as cooling, max((result_json ->> 1)::float8) as humidity,
                       max((result_json ->> 2)::float8) as rain, count(*) as readings
                from sta_observation where multi_datastream_id is not null and phenomenon_time_start > (
                    select max(phenomenon_time_start) - interval '12 hours' from sta_observation where multi_datastream_id is not null)""");
        assertThat(weather.getFirst()).as("the weather station through the rain: a reading every ten minutes, the rain and the damp air")
                .containsEntry("readings", 72L);
        assertThat((Double) weather.getFirst().get("rain")).isGreaterThan(10);
        assertThat((Double) weather.getFirst().get("humidity")).isGreaterThan(90);
    }

    private List<String> steps(String thing) {
        return town.jdbc.queryForList("""
                select l.transition || ' ' || l.level || ' ' || l.level_ja from sensor_alert_log l
                join sensor_alert a on a.id = l.alert_id join sta_datastream d on d.id = a.datastream_id join sta_thing t on t.id = d.thing_id
                where t.name = ? and a.kind = 'threshold' order by l.id""", String.class, thing);
    }

    /** Sensors of this kind whose location is not inside one of the zones of these kinds that they watch. */
    private List<String> sensorsOutsideTheirZones(String nameEnding, String zoneKinds) {
        return town.jdbc.queryForList("""
                select t.name from sta_thing t
                join sta_thing_location tl on tl.thing_id = t.id join sta_location l on l.id = tl.location_id
                where t.name like ? and not exists (
                    select 1 from jsonb_array_elements(t.properties -> 'hazardZones') zone
                    join hazard_zones h on h.id = zone.value::bigint
                    where h.kind in (%s) and st_covers(h.geom, st_setsrid(l.location, 6668)))""".formatted(zoneKinds),
                String.class, "%" + nameEnding);
    }
}
