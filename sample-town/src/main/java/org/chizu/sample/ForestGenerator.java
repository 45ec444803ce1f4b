package org.chizu.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A town's forest register (森林簿): compartments (林班) from a grid whose corners are shifted a
 * little so that the lines wander as ridge and valley lines do, each cut into one to four
 * sub-compartments (小班, lettered い, ろ, は, に). Only what lies on the town's land away from settlements remains: not
 * within {@value #CENTRE_CLEARING_METRES} m of the centre, {@value #SHELTER_CLEARING_METRES} m of a
 * shelter, or on a river's flood plain, where the valley floors are fields and houses.
 */
final class ForestGenerator {

    private static final double COMPARTMENT_METRES = 1_300;
    private static final double CORNER_SHIFT = 0.22;
    private static final double FIELDS_SHARE = 0.10;
    static final double CENTRE_CLEARING_METRES = 2_500;
    static final double SHELTER_CLEARING_METRES = 350;
    /** Smaller pieces left by the clipping are not sub-compartments. */
    private static final double SMALLEST_PART_HECTARES = 0.3;
    private static final double SMALLEST_SUBCOMPARTMENT_HECTARES = 1.0;

    /** A quadrilateral, corners counter-clockwise from the south-west. */
    private record Quad(LocalPlane.Xy sw, LocalPlane.Xy se, LocalPlane.Xy ne, LocalPlane.Xy nw) {

        Quad[] splitAcross(double bottom, double top) {
            LocalPlane.Xy b = sw.towards(se, bottom);
            LocalPlane.Xy t = nw.towards(ne, top);
            return new Quad[] {new Quad(sw, b, t, nw), new Quad(b, se, ne, t)};
        }

        Quad[] splitAlong(double left, double right) {
            LocalPlane.Xy l = sw.towards(nw, left);
            LocalPlane.Xy r = se.towards(ne, right);
            return new Quad[] {new Quad(sw, se, r, l), new Quad(l, r, ne, nw)};
        }
    }

    private final JdbcTemplate jdbc;

    ForestGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        jdbc.execute("""
                create temporary table sample_forest_cell (
                    code          text not null,
                    cell_row      integer not null,
                    cell_col      integer not null,
                    part          integer not null,
                    species       text not null,
                    planting_year integer,
                    ownership     text not null,
                    geom          geometry(Polygon, 6668) not null
                ) on commit drop""");
        jdbc.execute("""
                create temporary table sample_forest_area (
                    code text not null,
                    geom geometry not null
                ) on commit drop""");
        jdbc.execute("create index sample_forest_area_geom on sample_forest_area using gist (geom)");
    }

    void generate(Town town) {
        jdbc.update("""
                insert into sample_forest_area (code, geom)
                select t.code, st_subdivide(st_difference(t.land, st_union(array[
                           st_setsrid(st_buffer(t.centre::geography, ?)::geometry, 6668),
                           (select st_union(st_setsrid(st_buffer(f.geom::geography, ?)::geometry, 6668)) from facilities f where f.geom && t.land),
                           (select st_union(p.geom) from sample_floodplain p where p.code = t.code)])), 128)
                from sample_town t where t.code = ?""",
                CENTRE_CLEARING_METRES, SHELTER_CLEARING_METRES, town.code());
        jdbc.execute("analyze sample_forest_area");
        jdbc.batchUpdate("""
                insert into sample_forest_cell (code, cell_row, cell_col, part, species, planting_year, ownership, geom)
                values (?, ?, ?, ?, ?, ?, ?, st_geomfromtext(?, 6668))""", cells(town));
        jdbc.update("""
                with clipped as (
                    select c.cell_row, c.cell_col, c.part, st_union(st_intersection(c.geom, a.geom)) as geom
                    from sample_forest_cell c
                    join sample_forest_area a on a.code = c.code and a.geom && c.geom
                    where c.code = ?
                    group by c.cell_row, c.cell_col, c.part
                ), kept as (
                    select clipped.cell_row, clipped.cell_col, clipped.part, st_multi(st_union(piece.geom)) as geom
                    from clipped cross join lateral st_dump(clipped.geom) piece
                    where st_area(piece.geom::geography) >= ? * 10000
                    group by clipped.cell_row, clipped.cell_col, clipped.part
                    having st_area(st_union(piece.geom)::geography) >= ? * 10000
                )
                insert into forests (compartment, subcompartment, species, planting_year, area_ha, ownership, geom)
                select dense_rank() over (order by kept.cell_row desc, kept.cell_col)::text,
                       (array['い', 'ろ', 'は', 'に'])[row_number() over (partition by kept.cell_row, kept.cell_col order by kept.part)],
                       c.species, c.planting_year, round((st_area(kept.geom::geography) / 10000)::numeric, 2), c.ownership, kept.geom
                from kept
                join sample_forest_cell c on c.code = ? and (c.cell_row, c.cell_col, c.part) = (kept.cell_row, kept.cell_col, kept.part)
                order by kept.cell_row desc, kept.cell_col, kept.part""",
                town.code(), SMALLEST_PART_HECTARES, SMALLEST_SUBCOMPARTMENT_HECTARES, town.code());
    }

    /** The grid's sub-compartments over the town's land, with their stand, as batch rows. */
    private List<Object[]> cells(Town town) {
        double[] box = jdbc.queryForObject("""
                select st_xmin(land), st_ymin(land), st_xmax(land), st_ymax(land) from sample_town where code = ?""",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}, town.code());
        LocalPlane plane = new LocalPlane(new LonLat(box[0], box[1]));
        LocalPlane.Xy extent = plane.toPlane(new LonLat(box[2], box[3]));
        int rows = (int) Math.ceil(extent.y() / COMPARTMENT_METRES);
        int cols = (int) Math.ceil(extent.x() / COMPARTMENT_METRES);
        Random random = town.random("forests");
        List<Object[]> cells = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                if (random.nextDouble() < FIELDS_SHARE) {
                    continue;
                }
                Quad cell = new Quad(corner(town, row, col), corner(town, row, col + 1),
                        corner(town, row + 1, col + 1), corner(town, row + 1, col));
                List<Quad> parts = split(cell, random);
                String ownership = ownership(town, row, col, random);
                for (int part = 0; part < parts.size(); part++) {
                    Stand stand = Stand.draw(random);
                    cells.add(new Object[] {town.code(), row, col, part, stand.species(), stand.plantingYear(), ownership,
                            LonLat.polygonWkt(corners(plane, parts.get(part)))});
                }
            }
        }
        return cells;
    }

    /**
     * The shifted grid corner; it depends only on its own position, so neighbouring cells share
     * their corners and tile without gaps.
     */
    private static LocalPlane.Xy corner(Town town, int row, int col) {
        Random shift = town.random("forest corner " + row + "/" + col);
        return new LocalPlane.Xy((col + (shift.nextDouble() - 0.5) * 2 * CORNER_SHIFT) * COMPARTMENT_METRES,
                (row + (shift.nextDouble() - 0.5) * 2 * CORNER_SHIFT) * COMPARTMENT_METRES);
    }

    private static List<Quad> split(Quad cell, Random random) {
        double draw = random.nextDouble();
        int count = draw < 0.2 ? 1 : draw < 0.6 ? 2 : draw < 0.9 ? 3 : 4;
        List<Quad> parts = new ArrayList<>(List.of(cell));
        while (parts.size() < count) {
            Quad largest = parts.removeFirst();
            Quad[] halves = parts.size() % 2 == 0
                    ? largest.splitAcross(0.35 + random.nextDouble() * 0.3, 0.35 + random.nextDouble() * 0.3)
                    : largest.splitAlong(0.35 + random.nextDouble() * 0.3, 0.35 + random.nextDouble() * 0.3);
            parts.add(halves[0]);
            parts.add(halves[1]);
        }
        return parts;
    }

    /** National forests come in large blocks, as they do in the hills; the rest is mostly private. */
    private static String ownership(Town town, int row, int col, Random random) {
        if (town.random("national forest " + row / 5 + "/" + col / 5).nextDouble() < 0.08) {
            return "national";
        }
        return random.nextDouble() < 0.18 ? "public" : "private";
    }

    private static List<LonLat> corners(LocalPlane plane, Quad quad) {
        return List.of(plane.toLonLat(quad.sw()), plane.toLonLat(quad.se()), plane.toLonLat(quad.ne()), plane.toLonLat(quad.nw()));
    }

    /** The trees of a sub-compartment: plantations of cedar and cypress, pine, and natural broadleaf. */
    private record Stand(String species, Integer plantingYear) {

        static Stand draw(Random random) {
            double draw = random.nextDouble();
            if (draw < 0.38) {
                return new Stand("スギ", 1950 + random.nextInt(50));
            } else if (draw < 0.65) {
                return new Stand("ヒノキ", 1955 + random.nextInt(45));
            } else if (draw < 0.75) {
                return new Stand("アカマツ", 1945 + random.nextInt(35));
            } else if (draw < 0.97) {
                return new Stand("広葉樹", null);
            }
            return new Stand("竹", null);
        }
    }
}
