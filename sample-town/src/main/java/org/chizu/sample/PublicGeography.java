package org.chizu.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;

import org.chizu.gis.imports.ImportRequest;
import org.chizu.gis.imports.LayerImporter;
import org.chizu.gis.municipalities.MunicipalityBoundaries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Loads the real ground of the sample town from the shipped public data ({@link PublicDataFile}) the
 * way a town loads its own: Shimane's municipal boundaries (国土数値情報 行政区域) as {@code ./chizu town
 * add} adds them, and GSI's shelter lists (指定緊急避難場所・指定避難所データ) of the two towns as
 * {@code ./chizu import} imports them into {@code facilities}, their layouts recognised from their
 * columns. The generators then read the shelters back from the layer.
 */
@Component
class PublicGeography {

    /** English names of Shimane's municipalities in code order: every municipality of the boundary file. */
    private static final SequencedMap<String, String> SHIMANE_NAMES_EN = Collections.unmodifiableSequencedMap(new TreeMap<>(Map.ofEntries(
            Map.entry("32201", "Matsue"), Map.entry("32202", "Hamada"), Map.entry("32203", "Izumo"),
            Map.entry("32204", "Masuda"), Map.entry("32205", "Oda"), Map.entry("32206", "Yasugi"),
            Map.entry("32207", "Gotsu"), Map.entry("32209", "Unnan"), Map.entry("32343", "Okuizumo"),
            Map.entry("32386", "Iinan"), Map.entry("32441", "Kawamoto"), Map.entry("32448", "Misato"),
            Map.entry("32449", "Onan"), Map.entry("32501", "Tsuwano"), Map.entry("32505", "Yoshika"),
            Map.entry("32525", "Ama"), Map.entry("32526", "Nishinoshima"), Map.entry("32527", "Chibu"),
            Map.entry("32528", "Okinoshima"))));

    private final MunicipalityBoundaries boundaries;
    private final LayerImporter importer;
    private final JdbcTemplate jdbc;

    PublicGeography(MunicipalityBoundaries boundaries, LayerImporter importer, JdbcTemplate jdbc) {
        this.boundaries = boundaries;
        this.importer = importer;
        this.jdbc = jdbc;
    }

    /**
     * Adds the 19 municipalities and imports the four shelter lists, in the caller's transaction.
     *
     * @throws org.chizu.gis.imports.ImportRejectedException when a shipped file no longer reads (a broken build)
     */
    void load() {
        try {
            Path folder = Files.createTempDirectory("chizu-sample-town");
            try {
                boundaries.addAll(SHIMANE_NAMES_EN, PublicDataFile.SHIMANE_BOUNDARIES.copyInto(folder),
                        PublicDataFile.SHIMANE_BOUNDARIES.fileName());
                for (Town town : Town.ALL) {
                    for (PublicDataFile list : List.of(town.shelters(), town.emergencySites())) {
                        importer.importFile(ImportRequest.of("facilities", list.fileName()), list.copyInto(folder));
                    }
                }
            } finally {
                FileSystemUtils.deleteRecursively(folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample town's public data through a temporary folder", e);
        }
    }

    /** The shelters inside a town's boundary, designated shelters first, each kind by GSI's 共通ID. */
    List<Shelter> sheltersWithin(Geometry boundary) {
        return jdbc.query("""
                select name, address, st_x(geom), st_y(geom), for_landslide from facilities
                where st_covers(st_geomfromwkb(?, 6668), geom)
                order by kind, source_id""",
                (rs, i) -> new Shelter(rs.getString(1), rs.getString(2), new LonLat(rs.getDouble(3), rs.getDouble(4)),
                        (Boolean) rs.getObject(5)),
                new WKBWriter().write(boundary));
    }
}
