package org.chizu.gis.imports;

import org.chizu.gis.layer.SqlIdentifiers;
import org.chizu.gis.layer.Layer;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Why the database refused a feature, said for the person who made the file: the column at
 * fault when there is one, and for a table rule (a check constraint) the rule itself.
 *
 * @param field   the column at fault, or null
 * @param message what is wrong
 */
record RefusalReason(String field, String message) {

    private static final String NOT_NULL_VIOLATION = "23502";
    private static final String CHECK_VIOLATION = "23514";

    /**
     * Explains a refusal. Looks the broken rule up in the database, so the transaction must be
     * usable again (rolled back to a savepoint).
     */
    static RefusalReason of(DataAccessException refusal, JdbcTemplate jdbc, Layer layer) {
        if (!(refusal.getMostSpecificCause() instanceof PSQLException psql) || psql.getServerErrorMessage() == null) {
            return new RefusalReason(null, refusal.getMostSpecificCause().getMessage());
        }
        ServerErrorMessage error = psql.getServerErrorMessage();
        if (NOT_NULL_VIOLATION.equals(error.getSQLState())) {
            return new RefusalReason(error.getColumn(), "a value is required");
        }
        if (CHECK_VIOLATION.equals(error.getSQLState()) && error.getConstraint() != null) {
            return jdbc.query("""
                    select pg_get_constraintdef(c.oid) as rule,
                           (select string_agg(a.attname, ', ' order by a.attnum) from pg_attribute a
                            where a.attrelid = c.conrelid and a.attnum = any(c.conkey)) as columns
                    from pg_constraint c
                    where c.conname = ? and c.conrelid = to_regclass(?)""",
                    (rs, i) -> new RefusalReason(rs.getString("columns"), "breaks the rule " + rs.getString("rule")),
                    error.getConstraint(), SqlIdentifiers.quote(layer.table()))
                    .stream().findFirst()
                    .orElse(new RefusalReason(null, error.getMessage()));
        }
        return new RefusalReason(null, error.getMessage());
    }
}
