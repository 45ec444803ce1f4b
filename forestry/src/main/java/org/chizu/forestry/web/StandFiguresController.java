package org.chizu.forestry.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.chizu.forestry.trees.StandFigure;
import org.chizu.forestry.trees.StandFigures;
import org.chizu.forestry.trees.UnknownStand;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Per sub-compartment (小班) figures from the surveys' trees, open to all as the forest register and the
 * CS relief are: sums over a stand, not the trees or rasters that re-use needs approval for. Every
 * answer carries the note that the volumes are estimates; as CSV ({@code f=csv} or {@code Accept: text/csv})
 * the volume columns are named as estimates.
 */
@RestController
class StandFiguresController {

    private static final MediaType CSV_UTF8 = new MediaType(FiguresFormat.TEXT_CSV, StandardCharsets.UTF_8);

    private final StandFigures figures;

    StandFiguresController(StandFigures figures) {
        this.figures = figures;
    }

    /** One sub-compartment as each survey covering it read it ({@code figures} empty when none does). */
    @GetMapping("/api/forestry/compartments/{id}")
    ResponseEntity<?> compartment(@PathVariable long id, @RequestParam(required = false) String f,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        FiguresFormat format = FiguresFormat.of(f, accept);
        if (!figures.compartmentExists(id)) {
            throw UnknownStand.compartment(id);
        }
        return answer(format, "compartment", id, figures.ofCompartment(id));
    }

    /** Every sub-compartment a survey covers. */
    @GetMapping("/api/forestry/surveys/{survey}/compartments")
    ResponseEntity<?> survey(@PathVariable long survey, @RequestParam(required = false) String f,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        FiguresFormat format = FiguresFormat.of(f, accept);
        if (!figures.surveyExists(survey)) {
            throw UnknownStand.survey(survey);
        }
        return answer(format, "survey", survey, figures.ofSurvey(survey));
    }

    private static ResponseEntity<?> answer(FiguresFormat format, String of, long id, List<StandFigure> stands) {
        if (format == FiguresFormat.CSV) {
            return ResponseEntity.ok().contentType(CSV_UTF8).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("forestry-" + of + "-" + id + "-compartments.csv").build().toString()).body(StandFiguresCsv.write(stands));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(of, id, "figures", stands, "volumeNote", StandFigures.VOLUME_IS_ESTIMATE));
    }
}
