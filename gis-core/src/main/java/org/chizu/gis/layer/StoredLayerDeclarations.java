package org.chizu.gis.layer;

import java.util.List;

import org.chizu.gis.layer.LayerDeclaration.Origin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The layer declarations admins stored while Chizu runs (table {@code layer_declaration}), and the
 * announcement that declarations changed. A stored change and its announcement commit together
 * ({@code pg_notify} in the same transaction), so every process hears of it exactly when it is
 * there to read, and reloads its registry.
 */
@Repository
public class StoredLayerDeclarations {

    /** The channel every Chizu process listens on for "declarations changed, read them again". */
    public static final String CHANNEL = "chizu_layers_declared";

    private static final String NOTIFY = "select pg_notify('" + CHANNEL + "', '')";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public StoredLayerDeclarations(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Every stored declaration in the order they were first stored, parsed by {@code declarations}. */
    List<LayerDeclaration> read(LayerDeclarations declarations) {
        return jdbc.query("select layer_id, declaration from layer_declaration order by created_at, layer_id",
                (row, n) -> {
                    String source = "layer_declaration " + row.getString(1);
                    return new LayerDeclaration(declarations.parse(row.getString(2), source), Origin.STORED, source);
                });
    }

    /** Stores the declaration of {@code layerId}, replacing its previous one, and announces it. */
    void store(String layerId, String declaration, String declaredBy) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into layer_declaration (layer_id, declaration, declared_by) values (?, ?, ?)
                    on conflict (layer_id) do update
                    set declaration = excluded.declaration, declared_by = excluded.declared_by, updated_at = now()""",
                    layerId, declaration, declaredBy);
            announce();
        });
    }

    /** Removes the stored declaration of {@code layerId} and announces it; false when there was none. */
    boolean remove(String layerId) {
        Boolean removed = transaction.execute(status -> {
            boolean deleted = jdbc.update("delete from layer_declaration where layer_id = ?", layerId) > 0;
            if (deleted) {
                announce();
            }
            return deleted;
        });
        return Boolean.TRUE.equals(removed);
    }

    /** Tells every process that declarations changed (delivered on commit when inside a transaction). */
    void announce() {
        jdbc.query(NOTIFY, rs -> null);
    }
}
