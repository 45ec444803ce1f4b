package org.chizu.tiles;

import org.chizu.gis.layer.Layer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the generalised tables that a tileset's layers declare but the database lacks, or holds
 * from another declaration. A server's {@link Generalizations} keeps them; a command that renders
 * tiles ({@code ./chizu tiles seed}) may run where no server has built them yet.
 */
@Component
public class MissingGeneralizations {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    MissingGeneralizations(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public void buildFor(Tileset tileset) {
        for (Layer layer : tileset.layers()) {
            layer.tiles().generalize().stream().map(g -> new GeneralizedTable(layer, g))
                    .filter(table -> !table.isCurrent(jdbc))
                    .forEach(table -> table.build(jdbc, transaction));
        }
    }
}
