package org.chizu.gis.layer;

/**
 * Quotes a table or column name from the layer registry for use in SQL text. The registry already
 * holds identifiers to plain lower-case names checked against the database; quoting (with any
 * embedded quote doubled) keeps even a mistaken name from being read as SQL. Values are never
 * quoted this way: they are bound.
 */
public final class SqlIdentifiers {

    private SqlIdentifiers() {
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
