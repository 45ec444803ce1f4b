package org.chizu.forestry.web;

import java.io.IOException;
import java.nio.file.Files;

import org.chizu.accounts.Identity;
import org.chizu.forestry.access.AccessProblem;
import org.chizu.forestry.access.Applications;
import org.chizu.forestry.access.DataProduct;
import org.chizu.forestry.access.Downloads;
import org.chizu.forestry.products.MadeProduct;
import org.chizu.forestry.products.SurveyProducts;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A whole product raster of a survey (a Cloud-Optimized GeoTIFF), for a member of an organisation
 * whose approved application names the product and overlaps the survey; every download is logged.
 * Range requests are served (a COG is read in ranges, and a broken download resumes); a download is
 * logged once, at its first byte, so a reader's many ranges count as one.
 */
@RestController
class ProductDownloadController {

    private static final MediaType GEOTIFF = MediaType.parseMediaType("image/tiff; application=geotiff; profile=cloud-optimized");

    private final SurveyProducts products;
    private final Downloads downloads;

    ProductDownloadController(SurveyProducts products, Downloads downloads) {
        this.products = products;
        this.downloads = downloads;
    }

    @GetMapping("/api/forestry/surveys/{survey}/products/{kind}.tif")
    ResponseEntity<Resource> product(@PathVariable long survey, @PathVariable String kind,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) throws IOException {
        MadeProduct made = products.made(survey).stream().filter(product -> product.kind().id.equals(kind)).findFirst()
                .filter(product -> Files.isRegularFile(product.file()))
                .orElseThrow(() -> AccessProblem.noSuchProduct(survey, kind));
        DataProduct product = DataProduct.of(kind).orElseThrow();
        Identity caller = Callers.signedIn();
        Downloads.Grant grant = downloads.grant(Applications.organisationsOf(caller), survey, product)
                .orElseThrow(() -> AccessProblem.notApproved(survey, kind));
        long size = Files.size(made.file());
        if (range == null || range.startsWith("bytes=0-")) {
            downloads.log(grant, caller.id(), survey, product, size);
        }
        return ResponseEntity.ok().contentType(GEOTIFF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("survey-" + survey + "-" + kind + ".tif").build().toString())
                .body(new FileSystemResource(made.file()));
    }
}
