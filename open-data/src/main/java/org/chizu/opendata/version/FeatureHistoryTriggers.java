package org.chizu.opendata.version;

import static org.chizu.gis.layer.SqlIdentifiers.quote;

import java.util.List;

import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.LayerSectionType;
import org.chizu.gis.layer.LayersChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps versions of every layer whose declaration asks for them: the history trigger
 * ({@code record_feature_history}, migration V2026.11.21.40) is attached to the layer's table when
 * the registry loads it, at start-up and on every reload, instead of a migration naming tables.
 *
 * <p>A declaration's own section {@code history} (open-data's, read here) says whether: {@code true}
 * by default for a table; {@code history: false} detaches the trigger and keeps the versions
 * recorded so far. A view (such as {@code public_reports}) cannot carry row triggers and keeps none.
 * Attaching is idempotent (an attached trigger of the same definition is left alone, so a start-up
 * locks nothing) and, for a table that had rows and no versions, records those rows as the first
 * version in the same transaction, so no edit slips between the two. Processes that reload at the
 * same time take turns on an advisory lock.
 */
@Configuration(proxyBeanMethods = false)
public class FeatureHistoryTriggers implements SmartInitializingSingleton {

    /** The section {@code history: true|false} of a layer declaration. */
    public static final String SECTION = "history";

    private static final Logger log = LoggerFactory.getLogger(FeatureHistoryTriggers.class);

    private static final String TRIGGER_DEFINITION = """
            select pg_get_triggerdef(t.oid) from pg_trigger t where t.tgrelid = to_regclass(?) and t.tgname = ?""";
    private static final String IS_TABLE = """
            select coalesce((select relkind in ('r', 'p') from pg_class where oid = to_regclass(?)), false)""";
    private static final String ATTACH = """
            create or replace trigger {trigger} after insert or update or delete on {table}
                for each row execute function {function}""";
    private static final String FIRST_VERSION = """
            insert into feature_history (layer_table, feature_id, valid_from, properties, geom)
            select ?, t.{idColumn}, now(), to_jsonb(t) - ?::text[], t.{geometry} from {table} t
            where not exists (select 1 from feature_history where layer_table = ?)""";

    private final LayerRegistry registry;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    FeatureHistoryTriggers(LayerRegistry registry, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Tells the registry that open-data reads {@code history}, so a wrong value is refused on load. */
    @Bean
    static LayerSectionType<Boolean> historySection() {
        return new LayerSectionType<>(SECTION, Boolean.class);
    }

    @Override
    public void afterSingletonsInstantiated() {
        registry.all().forEach(this::follow);
    }

    @EventListener
    void on(LayersChanged change) {
        change.declared().forEach(this::follow);
    }

    /** Attaches or detaches the layer's trigger as its declaration says. */
    void follow(Layer layer) {
        boolean wanted = layer.section(SECTION, Boolean.class).orElse(true);
        if (!Boolean.TRUE.equals(jdbc.queryForObject(IS_TABLE, Boolean.class, layer.table()))) {
            if (layer.section(SECTION, Boolean.class).orElse(false)) {
                log.warn("layer {}: {} is not a table, so it keeps no versions although its declaration asks for them",
                        layer.id(), layer.table());
            }
            return;
        }
        String trigger = layer.table() + "_history";
        String function = "record_feature_history(" + String.join(", ", excludedColumns(layer).stream().map(c -> "'" + c + "'").toList()) + ")";
        String attached = jdbc.query(TRIGGER_DEFINITION, rs -> rs.next() ? rs.getString(1) : null, layer.table(), trigger);
        if (wanted && (attached == null || !attached.endsWith(function))) {
            attach(layer, trigger, function);
        } else if (!wanted && attached != null) {
            jdbc.execute("drop trigger if exists " + quote(trigger) + " on " + quote(layer.table()));
            log.info("layer {}: versions are no longer kept, as declared (those recorded stay)", layer.id());
        }
    }

    private void attach(Layer layer, String trigger, String function) {
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtext(?))", Object.class, "feature_history " + layer.table());
            jdbc.execute(ATTACH.replace("{trigger}", quote(trigger)).replace("{table}", quote(layer.table()))
                    .replace("{function}", function));
            int rows = jdbc.update(FIRST_VERSION.replace("{idColumn}", quote(layer.idColumn()))
                            .replace("{geometry}", quote(layer.geometry().column())).replace("{table}", quote(layer.table())),
                    layer.table(), excludedColumns(layer).toArray(String[]::new), layer.table());
            log.info("layer {}: versions are kept from now on{}", layer.id(), rows > 0 ? " (" + rows + " features as its first version)" : "");
        });
    }

    /**
     * The trigger's arguments: the id column and the geometry column it reads, then the columns
     * left out of a feature's recorded properties (the id, the geometry and its tile copy).
     */
    private static List<String> excludedColumns(Layer layer) {
        return List.of(layer.idColumn(), layer.geometry().column(), layer.tiles().geometryColumn());
    }
}
