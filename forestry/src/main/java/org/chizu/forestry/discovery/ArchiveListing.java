package org.chizu.forestry.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.chizu.forestry.laser.LaserArchive;
import org.chizu.forestry.products.ProductKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the archive holds, as discovery tells it (the DCAT catalog and STAC): surveys with their
 * extent and period, their tiles and their products, each with its extent in longitude/latitude
 * (JGD2011, which STAC and DCAT take as WGS 84: they differ by centimetres) and in its own plane
 * coordinates. Read-only, a query per list.
 */
@Component
class ArchiveListing {

    private static final String SURVEYS = """
            select s.id, s.name, s.surveying_body, s.created_at, count(t.id) as tiles, sum(t.point_count) as points,
                   min(t.file_created) as first_day, max(t.file_created) as last_day,
                   greatest(max(t.ingested_at), (select max(p.made_at) from laser_product p where p.survey_id = s.id)) as modified,
                   ST_XMin(ST_Extent(t.footprint)) as west, ST_YMin(ST_Extent(t.footprint)) as south,
                   ST_XMax(ST_Extent(t.footprint)) as east, ST_YMax(ST_Extent(t.footprint)) as north
            from laser_survey s join laser_tile t on t.survey_id = s.id
            where (?::bigint is null or s.id = ?)
            group by s.id order by s.id""";
    private static final String TILES = """
            select t.id, t.survey_id, t.file_name, t.compressed, t.byte_size, t.las_version, t.point_format, t.point_count,
                   t.points_per_m2, t.srid, t.min_x, t.min_y, t.min_z, t.max_x, t.max_y, t.max_z, t.file_created, t.ingested_at,
                   ST_AsGeoJSON(t.footprint, 7) as geometry, ST_XMin(t.footprint) as west, ST_YMin(t.footprint) as south,
                   ST_XMax(t.footprint) as east, ST_YMax(t.footprint) as north
            from laser_tile t
            where t.survey_id = ? and (?::bigint is null or t.id = ?)
            order by t.id""";
    private static final String PRODUCTS = """
            select p.kind, p.file_name, p.srid, p.cell_metres, p.width, p.height, p.made_at,
                   ST_AsGeoJSON(p.footprint, 7) as geometry, ST_XMin(p.footprint) as west, ST_YMin(p.footprint) as south,
                   ST_XMax(p.footprint) as east, ST_YMax(p.footprint) as north,
                   ST_XMin(ST_Transform(p.footprint, p.srid)) as native_west, ST_YMax(ST_Transform(p.footprint, p.srid)) as native_north
            from laser_product p where p.survey_id = ?
            order by array_position(?::text[], p.kind)""";

    /** A box in longitude/latitude. */
    record LonLat(double west, double south, double east, double north) {
    }

    /**
     * @param firstDay the earliest file creation day of its tiles; empty when no header tells one
     * @param modified when a tile was last archived or a product last made
     */
    record Survey(long id, String name, String surveyingBody, Instant created, Instant modified, long tiles, long points,
            Optional<LocalDate> firstDay, Optional<LocalDate> lastDay, LonLat extent) {
    }

    record Tile(long id, long surveyId, String fileName, boolean compressed, long byteSize, String lasVersion, int pointFormat,
            long points, double pointsPerSquareMetre, int srid, double minX, double minY, double minZ, double maxX, double maxY, double maxZ,
            Optional<LocalDate> created, Instant ingested, String geometry, LonLat extent) {
    }

    /** A product raster; its grid's upper-left corner in its own coordinates, to state its affine transform. */
    record Product(long surveyId, ProductKind kind, int srid, double cellMetres, int width, int height, Instant made, long byteSize,
            String geometry, LonLat extent, double west, double north) {
    }

    private final JdbcTemplate jdbc;
    private final LaserArchive archive;

    ArchiveListing(JdbcTemplate jdbc, LaserArchive archive) {
        this.jdbc = jdbc;
        this.archive = archive;
    }

    /** The surveys that have at least one tile. */
    List<Survey> surveys() {
        return jdbc.query(SURVEYS, ArchiveListing::survey, null, null);
    }

    Optional<Survey> survey(long id) {
        return jdbc.query(SURVEYS, ArchiveListing::survey, id, id).stream().findFirst();
    }

    List<Tile> tiles(long surveyId) {
        return jdbc.query(TILES, ArchiveListing::tile, surveyId, null, null);
    }

    Optional<Tile> tile(long surveyId, long tileId) {
        return jdbc.query(TILES, ArchiveListing::tile, surveyId, tileId, tileId).stream().findFirst();
    }

    /** The products made for a survey, in {@link ProductKind}'s order, whose files are there. */
    List<Product> products(long surveyId) {
        String[] order = java.util.Arrays.stream(ProductKind.values()).map(kind -> kind.id).toArray(String[]::new);
        Path directory = archive.productDirectory(surveyId);
        return jdbc.query(PRODUCTS, (row, n) -> {
            Path file = directory.resolve(row.getString("file_name"));
            if (!Files.isRegularFile(file)) {
                return null;
            }
            return new Product(surveyId, ProductKind.of(row.getString("kind")), row.getInt("srid"), row.getDouble("cell_metres"),
                    row.getInt("width"), row.getInt("height"), row.getTimestamp("made_at").toInstant(), size(file),
                    row.getString("geometry"), lonLat(row), row.getDouble("native_west"), row.getDouble("native_north"));
        }, surveyId, order).stream().filter(java.util.Objects::nonNull).toList();
    }

    private static Survey survey(ResultSet row, int n) throws SQLException {
        return new Survey(row.getLong("id"), row.getString("name"), row.getString("surveying_body"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("modified").toInstant(), row.getLong("tiles"),
                row.getLong("points"), day(row.getDate("first_day")), day(row.getDate("last_day")), lonLat(row));
    }

    private static Tile tile(ResultSet row, int n) throws SQLException {
        return new Tile(row.getLong("id"), row.getLong("survey_id"), row.getString("file_name"), row.getBoolean("compressed"),
                row.getLong("byte_size"), row.getString("las_version"), row.getInt("point_format"), row.getLong("point_count"),
                row.getDouble("points_per_m2"), row.getInt("srid"), row.getDouble("min_x"), row.getDouble("min_y"),
                row.getDouble("min_z"), row.getDouble("max_x"), row.getDouble("max_y"), row.getDouble("max_z"), day(row.getDate("file_created")),
                row.getTimestamp("ingested_at").toInstant(), row.getString("geometry"), lonLat(row));
    }

    private static LonLat lonLat(ResultSet row) throws SQLException {
        return new LonLat(row.getDouble("west"), row.getDouble("south"), row.getDouble("east"), row.getDouble("north"));
    }

    private static Optional<LocalDate> day(Date date) {
        return Optional.ofNullable(date).map(Date::toLocalDate);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
