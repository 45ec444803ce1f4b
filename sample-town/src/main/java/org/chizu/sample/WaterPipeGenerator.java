package org.chizu.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A town's water distribution mains (配水管): branches under the municipal streets within
 * {@value #SERVED_METRES} m of the centre, and trunk mains under the prefectural roads out to the
 * villages. Material follows the era a main was laid in: cast iron until the 1970s, then ductile
 * iron and PVC, and polyethylene from the 2000s.
 */
final class WaterPipeGenerator {

    static final double SERVED_METRES = 3_000;

    /** A road segment a main is laid under. */
    private record Street(long roadId, String roadClass) {
    }

    private final JdbcTemplate jdbc;

    WaterPipeGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void generate(Town town) {
        List<Street> streets = jdbc.query("""
                select r.id, r.road_class
                from roads r join sample_town t on r.geom && t.land
                where t.code = ?
                  and (r.road_class = 'prefectural'
                       or r.road_class = 'municipal' and st_dwithin(r.geom::geography, t.centre::geography, ?))
                order by r.id""",
                (rs, i) -> new Street(rs.getLong(1), rs.getString(2)), town.code(), SERVED_METRES);
        Random random = town.random("water pipes");
        List<Object[]> pipes = new ArrayList<>();
        for (Street street : streets) {
            int year = 1962 + random.nextInt(61);
            pipes.add(new Object[] {String.format(Locale.ROOT, "W%s-%05d", town.code(), pipes.size() + 1),
                    material(year, random), diameter(street, random), year, street.roadId()});
        }
        jdbc.batchUpdate("""
                insert into water_pipes (pipe_id, material, diameter_mm, installed_year, geom)
                select ?, ?, ?, ?, geom from roads where id = ?""", pipes);
    }

    private static String material(int year, Random random) {
        double draw = random.nextDouble();
        if (year < 1975) {
            return draw < 0.6 ? "CIP" : draw < 0.9 ? "VP" : "SP";
        } else if (year < 2000) {
            return draw < 0.6 ? "DIP" : draw < 0.95 ? "VP" : "SP";
        }
        return draw < 0.55 ? "DIP" : "PE";
    }

    /** Trunk mains carry more water than the branches under the streets. */
    private static int diameter(Street street, Random random) {
        int[] sizes = street.roadClass().equals("prefectural") ? new int[] {150, 200, 250, 300} : new int[] {50, 75, 100, 150};
        return sizes[random.nextInt(sizes.length)];
    }
}
