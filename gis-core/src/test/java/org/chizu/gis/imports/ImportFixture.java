package org.chizu.gis.imports;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.chizu.gis.crs.PostgisCrs;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerDeclarations;
import org.chizu.gis.layer.LayerProperties;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.gis.layer.changes.LayerChanges;
import org.chizu.platform.audit.AuditLog;
import org.chizu.platform.testing.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An importer wired as the application wires it, on a freshly migrated database, with the events
 * it publishes collected for the test to read.
 */
final class ImportFixture {

    final JdbcTemplate jdbc;
    final LayerImporter importer;
    /** On the importer's data source, so an import run inside joins it. */
    final TransactionTemplate transactions;
    final List<LayerDataChanged> published = new ArrayList<>();

    ImportFixture() {
        DataSource database = TestDatabase.migrated().dataSource();
        jdbc = new JdbcTemplate(database);
        LayerRegistry registry = new LayerRegistry(new LayerDeclarations(new LayerProperties(null)), jdbc);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
        importer = new LayerImporter(registry, jdbc, transactions,
                new PostgisCrs(jdbc), new LayerChanges(jdbc, event -> published.add((LayerDataChanged) event), true),
                new SourceLayouts(), new AuditLog(jdbc));
    }

    /** A file under src/test/resources/imports. */
    static Path resource(String name) {
        try {
            return Path.of(ImportFixture.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    ImportResult importResource(ImportRequest request) throws Exception {
        return importer.importFile(request, resource(request.fileName()));
    }

    /** How far, in metres on the ellipsoid, the facility of this name lies from a JGD2011 longitude and latitude. */
    double metresFromFacility(String name, double longitude, double latitude) {
        return jdbc.queryForObject("""
                select ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint(?, ?), 6668)::geography)
                from facilities where name = ?""", Double.class, longitude, latitude, name);
    }

    int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
