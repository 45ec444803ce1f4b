/**
 * {@link org.chizu.gis.layer.LayerDataChanged} across processes: every Chizu process on the same
 * database (a web server, a second web server, {@code ./chizu import}) hears every committed
 * change, through PostgreSQL's NOTIFY/LISTEN. Modules keep listening for the Spring event and need
 * not know where a change was made.
 */
package org.chizu.gis.layer.changes;
