package org.chizu.catalog.dcat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.chizu.catalog.CatalogQuery;
import org.chizu.catalog.CatalogUris;
import org.chizu.catalog.ContributedDatasets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The DCAT catalog over HTTP: {@code /catalog} (paged) and {@code /dataset/{id}}, in the format
 * the {@code Accept} header asks for, or the one a file extension names ({@code /catalog.jsonld},
 * {@code /dataset/roads.ttl}), which wins over the header. The catalog takes the search
 * parameters of {@link CatalogQuery}. {@code /catalog.ttl} and {@code /catalog.nt} without a
 * {@code page} are the whole catalog, streamed; with one, and in the other formats, a page.
 * A browser (Accept names text/html and no RDF type) is sent on to the pages for people at
 * {@code /datasets}.
 */
@RestController
class CatalogController {

    private final CatalogModel catalog;
    private final CatalogUris uris;
    private final ContributedDatasets contributed;

    CatalogController(CatalogModel catalog, CatalogUris uris, ContributedDatasets contributed) {
        this.catalog = catalog;
        this.uris = uris;
        this.contributed = contributed;
    }

    @GetMapping("/catalog")
    ResponseEntity<byte[]> catalog(@RequestParam(defaultValue = "1") int page, @RequestParam Map<String, String> parameters,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (RdfFormat.wantsHtml(accept)) {
            return seeOther(uris.datasetsPage());
        }
        RdfFormat format = negotiated(accept);
        return write(catalog.catalogPage(search(parameters), page), format);
    }

    @GetMapping("/catalog.{extension}")
    ResponseEntity<byte[]> catalogFile(@PathVariable String extension, @RequestParam(required = false) Integer page,
            @RequestParam Map<String, String> parameters, HttpServletResponse response) throws IOException {
        RdfFormat format = RdfFormat.ofExtension(extension);
        CatalogQuery search = search(parameters);
        Optional<RDFFormat> streaming = format.streaming();
        if (page == null && streaming.isPresent()) {
            stream(search, format, streaming.get(), response);
            return null; // written to the response already
        }
        return write(catalog.catalogPage(search, page == null ? 1 : page), format);
    }

    /** Layer ids hold no dots, so whatever follows the first dot is the extension. */
    @GetMapping("/dataset/{file}")
    ResponseEntity<byte[]> dataset(@PathVariable String file,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        int dot = file.indexOf('.');
        if (dot < 0 && RdfFormat.wantsHtml(accept)) {
            // A contributed dataset's page for people is its module's own.
            Optional<String> landingPage = contributed.find(file).map(other -> uris.resolve(other.landingPage()));
            if (landingPage.isPresent()) {
                return seeOther(landingPage.get());
            }
            catalog.dataset(file); // an unknown dataset is a 404 here too, not a redirect to a missing page
            return seeOther(uris.datasetPage(file));
        }
        if (dot < 0) {
            return write(catalog.dataset(file), negotiated(accept));
        }
        RdfFormat format = RdfFormat.ofExtension(file.substring(dot + 1));
        return write(catalog.dataset(file.substring(0, dot)), format);
    }

    private static CatalogQuery search(Map<String, String> parameters) {
        return CatalogQuery.from(name -> Optional.ofNullable(parameters.get(name)));
    }

    private static RdfFormat negotiated(String accept) {
        return RdfFormat.negotiate(accept).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_ACCEPTABLE,
                "The catalog is offered as " + RdfFormat.mediaTypesInWords() + "."));
    }

    /** A browser asked for the data: 303 See Other to the page for people. */
    private static ResponseEntity<byte[]> seeOther(String page) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, page)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    private static ResponseEntity<byte[]> write(Model model, RdfFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, model, format.jena());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, contentType(format))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .body(out.toByteArray());
    }

    /**
     * Writes the whole catalog into the response as it is produced, never holding it: a catalog of
     * thousands of datasets is far larger than a page. The search was checked before the first byte,
     * so a bad parameter is still a problem response.
     */
    private void stream(CatalogQuery search, RdfFormat format, RDFFormat streaming, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.OK.value());
        response.setHeader(HttpHeaders.CONTENT_TYPE, contentType(format));
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        OutputStream out = response.getOutputStream();
        catalog.writeCatalog(search, StreamRDFWriter.getWriterStream(out, streaming));
        out.flush();
    }

    private static String contentType(RdfFormat format) {
        return new MediaType(format.mediaType(), StandardCharsets.UTF_8).toString();
    }
}
