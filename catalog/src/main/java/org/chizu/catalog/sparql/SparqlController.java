package org.chizu.catalog.sparql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.exec.RowSetStream;
import org.chizu.catalog.InWords;
import org.chizu.catalog.dcat.RdfFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /sparql}: the query operation of the SPARQL 1.1 Protocol. A query comes as
 * {@code GET ?query=}, as a form field {@code query} (POST, urlencoded) or as a POST body of type
 * {@code application/sparql-query}. SELECT and ASK answers are offered as SPARQL results JSON (the
 * default), XML, CSV and TSV; CONSTRUCT and DESCRIBE answers as Turtle (the default), N-Triples,
 * JSON-LD and RDF/XML. Updates, {@code default-graph-uri} and {@code named-graph-uri} are refused.
 *
 * <p>Every answer carries {@value #LIMIT_HEADER} (the most rows or triples one answer holds); one
 * cut to that many also carries {@value #TRUNCATED_HEADER}{@code : true}.
 */
@RestController
class SparqlController {

    static final String LIMIT_HEADER = "Chizu-Result-Limit";
    static final String TRUNCATED_HEADER = "Chizu-Results-Truncated";
    private static final String SPARQL_QUERY = "application/sparql-query";
    private static final String SPARQL_UPDATE = "application/sparql-update";

    private final SparqlQueries queries;
    private final SparqlProperties properties;
    private final SparqlForm form;

    SparqlController(SparqlQueries queries, SparqlProperties properties, SparqlForm form) {
        this.queries = queries;
        this.properties = properties;
        this.form = form;
    }

    @GetMapping("/sparql")
    ResponseEntity<byte[]> get(@RequestParam(required = false) String query,
            @RequestParam(name = "default-graph-uri", required = false) List<String> defaultGraphs,
            @RequestParam(name = "named-graph-uri", required = false) List<String> namedGraphs,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (query == null && SparqlForm.wanted(accept)) {
            return form.page();
        }
        return answer(query, defaultGraphs, namedGraphs, accept);
    }

    @PostMapping(path = "/sparql", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<byte[]> postForm(@RequestParam(required = false) String query,
            @RequestParam(required = false) String update,
            @RequestParam(name = "default-graph-uri", required = false) List<String> defaultGraphs,
            @RequestParam(name = "named-graph-uri", required = false) List<String> namedGraphs,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (update != null) {
            throw SparqlProblems.updateRefused(new UpdateRefusedException());
        }
        return answer(query, defaultGraphs, namedGraphs, accept);
    }

    /** The protocol defines the body of application/sparql-query as UTF-8, whatever charset the header names. */
    @PostMapping(path = "/sparql", consumes = SPARQL_QUERY)
    ResponseEntity<byte[]> postQuery(@RequestBody byte[] body,
            @RequestParam(name = "default-graph-uri", required = false) List<String> defaultGraphs,
            @RequestParam(name = "named-graph-uri", required = false) List<String> namedGraphs,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(new String(body, StandardCharsets.UTF_8), defaultGraphs, namedGraphs, accept);
    }

    @PostMapping(path = "/sparql", consumes = SPARQL_UPDATE)
    ResponseEntity<byte[]> postUpdate() {
        throw SparqlProblems.updateRefused(new UpdateRefusedException());
    }

    private ResponseEntity<byte[]> answer(String query, List<String> defaultGraphs, List<String> namedGraphs, String accept) {
        if (query == null || query.isBlank()) {
            throw SparqlProblems.missingQuery();
        }
        if (defaultGraphs != null || namedGraphs != null) {
            throw SparqlProblems.graphsRefused();
        }
        SparqlAnswer answer;
        try {
            answer = queries.run(query);
        } catch (QueryParseException e) {
            throw SparqlProblems.syntax(e);
        } catch (UpdateRefusedException e) {
            throw SparqlProblems.updateRefused(e);
        } catch (QueryCancelledException e) {
            throw SparqlProblems.timedOut(properties.timeout(), e);
        } catch (QueryException e) {
            throw SparqlProblems.notRunnable(e);
        }
        return write(answer, accept);
    }

    private ResponseEntity<byte[]> write(SparqlAnswer answer, String accept) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaType type = switch (answer) {
            case SparqlAnswer.Graph graph -> {
                RdfFormat format = RdfFormat.negotiate(accept)
                        .orElseThrow(() -> SparqlProblems.notAcceptable(RdfFormat.mediaTypesInWords()));
                RDFDataMgr.write(out, graph.model(), format.jena());
                yield format.mediaType();
            }
            case SparqlAnswer.Solutions solutions -> {
                ResultFormat format = resultFormat(accept);
                ResultSetMgr.write(out, ResultSet.adapt(RowSetStream.create(solutions.variables(), solutions.rows().iterator())),
                        format.jena());
                yield format.mediaType();
            }
            case SparqlAnswer.Truth truth -> {
                ResultFormat format = resultFormat(accept);
                ResultSetMgr.write(out, truth.value(), format.jena());
                yield format.mediaType();
            }
        };
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, type + ";charset=UTF-8")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(LIMIT_HEADER, Integer.toString(properties.resultLimit()));
        if (answer.truncated()) {
            response.header(TRUNCATED_HEADER, "true");
        }
        return response.body(out.toByteArray());
    }

    private static ResultFormat resultFormat(String accept) {
        return ResultFormat.negotiate(accept).orElseThrow(() -> SparqlProblems.notAcceptable(
                InWords.list(Arrays.stream(ResultFormat.values()).map(f -> f.mediaType().toString()).toList())));
    }
}
