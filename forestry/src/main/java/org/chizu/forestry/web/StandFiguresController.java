package org.chizu.forestry.web;

import java.util.List;
import java.util.Map;

import org.chizu.forestry.trees.StandFigure;
import org.chizu.forestry.trees.StandFigures;
import org.chizu.forestry.trees.UnknownStand;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Per sub-compartment (小班) figures from the surveys' trees, open to all as the forest register and the
 * CS relief are: sums over a stand, not the trees or rasters that re-use needs approval for. Every
 * answer carries the note that the volumes are estimates.
 */
@RestController
class StandFiguresController {

    private final StandFigures figures;

    StandFiguresController(StandFigures figures) {
        this.figures = figures;
    }

    /** One sub-compartment as each survey covering it read it ({@code surveys} empty when none does). */
    @GetMapping("/api/forestry/compartments/{id}")
    Map<String, Object> compartment(@PathVariable long id) {
        if (!figures.compartmentExists(id)) {
            throw UnknownStand.compartment(id);
        }
        return answer("compartment", id, figures.ofCompartment(id));
    }

    /** Every sub-compartment a survey covers. */
    @GetMapping("/api/forestry/surveys/{survey}/compartments")
    Map<String, Object> survey(@PathVariable long survey) {
        if (!figures.surveyExists(survey)) {
            throw UnknownStand.survey(survey);
        }
        return answer("survey", survey, figures.ofSurvey(survey));
    }

    private static Map<String, Object> answer(String of, long id, List<StandFigure> stands) {
        return Map.of(of, id, "figures", stands, "volumeNote", StandFigures.VOLUME_IS_ESTIMATE);
    }
}
