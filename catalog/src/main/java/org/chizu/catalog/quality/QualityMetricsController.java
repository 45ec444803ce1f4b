package org.chizu.catalog.quality;

import java.io.ByteArrayOutputStream;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The metrics and dimensions of the metadata-quality score, as Turtle, at the IRI they are named under. */
@RestController
class QualityMetricsController {

    private final QualityTerms terms;

    QualityMetricsController(QualityTerms terms) {
        this.terms = terms;
    }

    @GetMapping("/catalog/quality-metrics")
    ResponseEntity<byte[]> metrics() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, terms.description(), RDFFormat.TURTLE_PRETTY);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, "text/turtle;charset=UTF-8").body(out.toByteArray());
    }
}
