package org.chizu.app.towns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.chizu.gis.municipalities.AddedMunicipality;
import org.chizu.gis.municipalities.Municipalities;
import org.chizu.gis.municipalities.Municipality;
import org.chizu.gis.municipalities.MunicipalityBoundaries;
import org.chizu.platform.Label;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/**
 * The municipalities served, over HTTP: {@code GET /api/towns} for anyone, {@code POST /api/towns}
 * to add one from a 国土数値情報 N03 file as {@code ./chizu town add} does (staff, by the security
 * configuration's rule for changes), and the staff page {@code /staff/towns}.
 */
@Controller
class TownsController {

    private final Municipalities municipalities;
    private final MunicipalityBoundaries boundaries;

    TownsController(Municipalities municipalities, MunicipalityBoundaries boundaries) {
        this.municipalities = municipalities;
        this.boundaries = boundaries;
    }

    /** A municipality as the API shows it: its code in both forms, prefecture and names. */
    record TownView(String code, String fullCode, String prefecture, Label name) {
        static TownView of(Municipality municipality) {
            return new TownView(municipality.code(), municipality.fullCode(), municipality.prefecture(), municipality.name());
        }
    }

    /** What adding did: the town, whether its boundary was replaced, and a sentence saying so. */
    record AddedView(TownView town, boolean replaced, boolean englishNameMissing, int polygons, String message) {
    }

    @GetMapping("/staff/towns")
    String page() {
        return "forward:/staff/towns.html";
    }

    @GetMapping("/api/towns")
    @ResponseBody
    List<TownView> list() {
        return municipalities.all().stream().map(TownView::of).toList();
    }

    /** The boundaries with their names, for the web map's own background when GSI tiles cannot load. */
    @GetMapping(path = "/api/towns/boundaries", produces = "application/geo+json")
    @ResponseBody
    String boundaries() {
        return municipalities.outlinesAsGeoJson();
    }

    /**
     * @param code     five digits, or six with the check digit
     * @param boundary a 国土数値情報 administrative-boundary (N03) file holding the municipality
     * @param nameEn   its English name, when wanted
     * @return 201 for a municipality added, 200 for one whose boundary was replaced
     */
    @PostMapping(path = "/api/towns", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseBody
    ResponseEntity<AddedView> add(@RequestParam String code, @RequestParam MultipartFile boundary,
            @RequestParam(name = "name-en", required = false) String nameEn) throws IOException {
        String fileName = boundary.getOriginalFilename() == null || boundary.getOriginalFilename().isBlank()
                ? "boundary.geojson" : Path.of(boundary.getOriginalFilename()).getFileName().toString();
        Path upload = Files.createTempFile("chizu-town-", "-" + fileName);
        try {
            boundary.transferTo(upload);
            AddedMunicipality added = boundaries.add(code, upload, fileName, nameEn);
            return ResponseEntity.status(added.replaced() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(new AddedView(TownView.of(added.municipality()), added.replaced(), added.englishNameMissing(),
                            added.polygons(), added.summary()));
        } finally {
            Files.deleteIfExists(upload);
        }
    }
}
