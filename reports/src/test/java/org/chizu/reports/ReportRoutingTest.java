package org.chizu.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ReportRoutingTest extends ReportsTest {

    @Test
    void aPotholeByAMunicipalRoadIsSnappedToItAndRoutedToTheCityRoadSection() {
        Receipt receipt = submit("pothole", BY_THE_MUNICIPAL_ROAD, List.of());

        assertThat(receipt.routeNo()).isEqualTo("M-101");
        assertThat(receipt.roadName()).isEqualTo("高津線");
        assertThat(receipt.body().ja()).isEqualTo("建設部 道路河川課");
        assertThat(receipt.body().en()).isEqualTo("City Road and River Section");
        Double distanceToRoad = jdbc.queryForObject("""
                select st_distance(r.geom::geography, (select geom from roads where route_no = 'M-101')::geography)
                from report r where r.id = ?""", Double.class, receipt.id());
        assertThat(distanceToRoad).as("the stored point lies on the road").isLessThan(0.5);
    }

    @Test
    void reportOnPrefecturalRoadIsRoutedToPrefectureShowingItsRoadOffice() {
        Receipt receipt = submit("guardrail", BY_THE_PREFECTURAL_ROAD, List.of());

        assertThat(receipt.routeNo()).isEqualTo("54");
        assertThat(receipt.body().ja()).isEqualTo("島根県益田県土整備事務所");
        assertThat(receipt.body().en()).isEqualTo("Prefectural road office (島根県益田県土整備事務所)");
    }

    @Test
    void reportOnNationalRoadIsRoutedToTheNationalRoadOffice() {
        Receipt receipt = submit("fallen_tree", ON_THE_NATIONAL_ROAD, List.of());

        assertThat(receipt.routeNo()).isEqualTo("9");
        assertThat(receipt.body().ja()).isEqualTo("国土交通省 浜田河川国道事務所");
    }

    @Test
    void aWaterLeakGoesToTheWaterworksWithThePipeButKeepsTheResidentsPin() {
        Receipt receipt = submit("water_leak", BY_THE_WATER_MAIN, List.of());

        assertThat(receipt.body().ja()).isEqualTo("上下水道部 水道課");
        assertThat(receipt.routeNo()).isNull();
        assertThat(jdbc.queryForObject("select pipe_id from report where id = ?", String.class, receipt.id())).isEqualTo("W-0042");
        assertThat(jdbc.queryForObject("select st_x(geom) from report where id = ?", Double.class, receipt.id()))
                .as("the pipe's position is not revealed by moving the pin onto it").isEqualTo(BY_THE_WATER_MAIN.lon());
    }

    @Test
    void aPinFarFromAnyRoadFallsBackToTheCatchAllRule() {
        Receipt receipt = submit("street_light", IN_A_FIELD, List.of());

        assertThat(receipt.routeNo()).isNull();
        assertThat(receipt.body().en()).isEqualTo("City Road and River Section");
    }

    @Test
    void aReportOutsideTheMunicipalityIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> submit("pothole", OUTSIDE_MASUDA, List.of()))
                .isInstanceOfSatisfying(ReportProblem.class, problem -> {
                    assertThat(problem.getStatusCode().value()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY.value());
                    assertThat(problem.message().ja()).contains("市の区域外");
                    assertThat(problem.message().en()).contains("outside the municipality");
                });
    }

    @Test
    void changingARuleInTheTableChangesWhereReportsGoWithoutNewCode() {
        jdbc.update("""
                insert into report_routing_rule (priority, category, condition, condition_value, body_code, body_name_ja, body_name_en)
                values (5, 'street_light', 'road_class', 'municipal', 'lighting', '環境課 街路灯係', 'Street Lighting Unit')""");
        try {
            assertThat(submit("street_light", BY_THE_MUNICIPAL_ROAD, List.of()).body().en()).isEqualTo("Street Lighting Unit");
            assertThat(submit("pothole", BY_THE_MUNICIPAL_ROAD, List.of()).body().en()).isEqualTo("City Road and River Section");
        } finally {
            jdbc.update("delete from report_routing_rule where body_code = 'lighting'");
        }
    }
}
