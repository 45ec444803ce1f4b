package org.chizu.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chizu.platform.Label;
import org.chizu.reports.CategoryAttribute.AllowedAnswer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The report categories and their questions (tables {@code report_category}, {@code report_category_attribute}). */
@Repository
public class ReportCategories {

    private final JdbcTemplate jdbc;

    public ReportCategories(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every category, in display order. */
    public List<ReportCategory> all() {
        Map<String, List<CategoryAttribute>> attributes = new LinkedHashMap<>();
        jdbc.query("select * from report_category_attribute order by category, sort_order", rs -> {
            List<AllowedAnswer> values = new ArrayList<>();
            for (String pair : (String[]) rs.getArray("value_list").getArray()) {
                String[] keyAndName = pair.split("=", 2);
                values.add(new AllowedAnswer(keyAndName[0], keyAndName[1]));
            }
            attributes.computeIfAbsent(rs.getString("category"), c -> new ArrayList<>()).add(new CategoryAttribute(
                    rs.getString("code"), rs.getString("datatype"), rs.getBoolean("required"),
                    new Label(rs.getString("description_ja"), rs.getString("description_en")),
                    rs.getInt("sort_order"), values));
        });
        return jdbc.query("select * from report_category order by sort_order", (rs, i) -> new ReportCategory(
                rs.getString("code"),
                new Label(rs.getString("name_ja"), rs.getString("name_en")),
                new Label(rs.getString("description_ja"), rs.getString("description_en")),
                rs.getString("service_group"), rs.getString("keywords"), rs.getString("snap_layer"),
                rs.getDouble("snap_tolerance_m"), rs.getDouble("duplicate_radius_m"),
                attributes.getOrDefault(rs.getString("code"), List.of())));
    }

    public Optional<ReportCategory> find(String code) {
        return all().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** @throws ReportProblem (400) naming the categories there are */
    public ReportCategory require(String code) {
        return find(code).orElseThrow(() -> {
            String known = String.join(", ", all().stream().map(ReportCategory::code).toList());
            return ReportProblem.badInput("種類 '" + code + "' はありません（" + known + "）。",
                    "Category '" + code + "' does not exist; use one of " + known + ".");
        });
    }
}
