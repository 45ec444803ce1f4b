package org.chizu.opendata.download;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.chizu.gis.layer.Layer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts downloads per layer, month (Japan time) and format for the open-data KPI: one upsert per
 * download, before the data is sent, so counting costs one short statement and never holds up
 * the stream.
 */
@Component
public class DownloadCounter {

    /** The downloads of one layer in one format in one month. */
    public record MonthlyCount(String layer, LocalDate month, String format, long count) {
    }

    private final JdbcTemplate jdbc;

    public DownloadCounter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts one download.
     *
     * @param kind the format's extension ("geojson"), or a standard layout's file name ("designated_shelters.csv")
     */
    public void record(Layer layer, String kind) {
        jdbc.update("""
                insert into download_count (layer_id, month, format, count)
                values (?, date_trunc('month', now() at time zone 'Asia/Tokyo')::date, ?, 1)
                on conflict (layer_id, month, format) do update set count = download_count.count + 1
                """, layer.id(), kind);
    }

    /** The counts of the given layers, newest month first. */
    public List<MonthlyCount> counts(List<Layer> layers) {
        Set<String> ids = layers.stream().map(Layer::id).collect(Collectors.toSet());
        return jdbc.query("select layer_id, month, format, count from download_count order by month desc, layer_id, format",
                        (row, n) -> new MonthlyCount(row.getString(1), row.getDate(2).toLocalDate(), row.getString(3), row.getLong(4)))
                .stream().filter(c -> ids.contains(c.layer())).toList();
    }
}
