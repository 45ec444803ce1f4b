package org.chizu.forestry.trees;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.chizu.platform.Label;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The forest register's sub-compartments (小班) in figures from the laser surveys' trees: count,
 * density, mean and top height, and estimated volume, per sub-compartment and survey.
 */
@Service
public class StandFigures {

    /** What a reader must be told with every volume. */
    public static final Label VOLUME_IS_ESTIMATE = new Label(
            "材積は推定値です（樹種ごとの樹高–材積関係から、実測ではありません）。",
            "Volumes are estimates (from each species' height–volume relation), not measurements.");
    /** 上層樹高 is the mean of the tallest trees at this many a hectare, as the 20 m mesh's four. */
    private static final int TOP_TREES_PER_HA = 100;
    /**
     * Each surveyed sub-compartment once per survey that covers it, with its trees: of one survey, or of
     * one sub-compartment (then only the tiles over it are unioned, so a tap stays quick in a town-wide
     * survey). A tree on the line between two sub-compartments counts in both: the register's lines are
     * not that precise.
     */
    private static final String FIGURES = """
            with asked as (select ?::bigint as survey, ?::bigint as compartment),
            coverage as (
                select s.id as survey_id, s.name as survey_name, ST_Union(t.footprint) as geom
                from asked, laser_survey s join laser_tile t on t.survey_id = s.id
                where (asked.survey is null or s.id = asked.survey)
                  and (asked.compartment is null or ST_Intersects(t.footprint, (select geom from forests where id = asked.compartment)))
                group by s.id
            ), stands as (
                select f.id, f.compartment, f.subcompartment, f.species, f.geom, c.survey_id, c.survey_name,
                       ST_Area(f.geom::geography) / 10000 as area_ha,
                       ST_Area(ST_Intersection(f.geom, c.geom)::geography) / 10000 as surveyed_ha
                from asked, forests f join coverage c on ST_Intersects(f.geom, c.geom) and not ST_Touches(f.geom, c.geom)
                where asked.compartment is null or f.id = asked.compartment
            ), trees as (
                select s.id, s.survey_id, t.height_m, t.volume_m3,
                       row_number() over (partition by s.id, s.survey_id order by t.height_m desc) as rank,
                       greatest(1, round(s.surveyed_ha * ?)) as top_trees
                from stands s join forest_tree_point t on t.survey_id = s.survey_id and ST_Intersects(s.geom, t.geom)
            )
            select s.id, s.compartment, s.subcompartment, s.species, s.area_ha, s.survey_id, s.survey_name, s.surveyed_ha,
                   count(t.height_m) as tree_count, avg(t.height_m) as mean_height_m,
                   avg(t.height_m) filter (where t.rank <= t.top_trees) as top_height_m,
                   coalesce(sum(t.volume_m3), 0) as volume_m3
            from stands s left join trees t on t.id = s.id and t.survey_id = s.survey_id
            group by s.id, s.compartment, s.subcompartment, s.species, s.area_ha, s.survey_id, s.survey_name, s.surveyed_ha
            order by s.compartment, s.subcompartment, s.id, s.survey_id""";

    private final JdbcTemplate jdbc;

    public StandFigures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every sub-compartment a survey covers, in the register's order (林班, then 小班). */
    public List<StandFigure> ofSurvey(long surveyId) {
        return jdbc.query(FIGURES, StandFigures::figure, surveyId, null, TOP_TREES_PER_HA);
    }

    /** One sub-compartment as each survey covering it read it; empty when none covers it. */
    public List<StandFigure> ofCompartment(long compartmentId) {
        return jdbc.query(FIGURES, StandFigures::figure, null, compartmentId, TOP_TREES_PER_HA);
    }

    public boolean compartmentExists(long compartmentId) {
        return jdbc.queryForObject("select exists (select from forests where id = ?)", Boolean.class, compartmentId);
    }

    public boolean surveyExists(long surveyId) {
        return jdbc.queryForObject("select exists (select from laser_survey where id = ?)", Boolean.class, surveyId);
    }

    private static StandFigure figure(ResultSet row, int n) throws SQLException {
        double areaHa = row.getDouble("area_ha");
        double surveyedHa = row.getDouble("surveyed_ha");
        long trees = row.getLong("tree_count");
        double volume = row.getDouble("volume_m3");
        boolean surveyed = surveyedHa > 0;
        return new StandFigure(row.getLong("id"), row.getString("compartment"), row.getString("subcompartment"),
                row.getString("species"), round(areaHa, 2), row.getLong("survey_id"), row.getString("survey_name"),
                round(surveyedHa, 2), areaHa > 0 ? round(Math.min(1, surveyedHa / areaHa), 3) : 0, trees,
                surveyed ? round(trees / surveyedHa, 1) : null, rounded(row, "mean_height_m"), rounded(row, "top_height_m"),
                round(volume, 1), surveyed ? round(volume / surveyedHa, 1) : null);
    }

    private static Double rounded(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : round(value, 1);
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
