package org.chizu.app.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chizu.accounts.CurrentAudience;
import org.chizu.gis.crs.CrsCode;
import org.chizu.gis.imports.ImportRequest;
import org.chizu.gis.imports.ImportRequest.AxisOrder;
import org.chizu.gis.imports.ImportRequest.Format;
import org.chizu.gis.imports.ImportRequest.Mode;
import org.chizu.gis.imports.ImportResult;
import org.chizu.gis.imports.LayerImporter;
import org.chizu.gis.imports.TextEncoding;
import org.chizu.gis.layer.LayerRegistry;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/layers/{id}/import}: a file into a layer over HTTP, as {@code ./chizu import}
 * does from the command line. Who may call it is the security configuration's business (staff);
 * a layer the caller may not see answers 404 as if it did not exist. The importer records the
 * import in the audit log.
 */
@RestController
class LayerImportController {

    private final LayerImporter importer;
    private final LayerRegistry registry;
    private final CurrentAudience audience;

    LayerImportController(LayerImporter importer, LayerRegistry registry, CurrentAudience audience) {
        this.importer = importer;
        this.registry = registry;
        this.audience = audience;
    }

    /**
     * @param srs       the file's coordinate system ("EPSG:6671"), when the file does not say
     * @param encoding  a CSV file's or a Shapefile's text encoding (UTF-8 or Shift_JIS), detected when absent
     * @param mode      append (the default) or replace
     * @param format    geojson, gpkg, csv or shp, when the file name does not tell
     * @param table     the GeoPackage feature table, when not the first; the Shapefile in a zip
     *                  that holds several
     * @param axisOrder north-east or east-north: which of a CSV file's x/y columns holds the northing,
     *                  when the column names do not tell (X座標/Y座標 in a plane rectangular zone are
     *                  north-east, plain x/y east-north)
     * @param layout    the file layout to read the file with (gsi-emergency-evacuation-sites …), when
     *                  it is not to be recognised from the columns
     * @param dryRun    true to check and map everything and answer with the first rows as they
     *                  would be stored, writing nothing
     * @param allowOutside true to import features that lie outside every municipality served, which
     *                  are refused otherwise
     */
    @PostMapping(path = "/api/layers/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importFile(@PathVariable String id,
                            @RequestParam MultipartFile file,
                            @RequestParam(required = false) String srs,
                            @RequestParam(required = false) String encoding,
                            @RequestParam(required = false) String mode,
                            @RequestParam(required = false) String format,
                            @RequestParam(required = false) String table,
                            @RequestParam(name = "axis-order", required = false) String axisOrder,
                            @RequestParam(required = false) String layout,
                            @RequestParam(name = "dry-run", defaultValue = "false") boolean dryRun,
                            @RequestParam(name = "allow-outside", defaultValue = "false") boolean allowOutside) throws IOException {
        registry.require(id, audience.get());
        ImportRequest request = ImportRequest.of(id, UploadName.of(file.getOriginalFilename()))
                .withFormat(format == null ? null : Format.named(format))
                .withSourceSrid(srs == null ? null : CrsCode.parse(srs))
                .withEncoding(encoding == null ? null : TextEncoding.named(encoding))
                .withMode(mode == null ? Mode.APPEND : Mode.named(mode))
                .withTable(table)
                .withAxisOrder(axisOrder == null ? null : AxisOrder.named(axisOrder))
                .withLayout(layout)
                .withDryRun(dryRun)
                .withAllowOutside(allowOutside);
        // A GeoPackage is an SQLite database and a zip has its directory at the end: both are opened from a file,
        // named by the server (the request carries the name the file's owner knows it by, however long).
        Path upload = Files.createTempFile("chizu-import-", ".upload");
        try {
            file.transferTo(upload);
            return importer.importFile(request, upload);
        } finally {
            Files.deleteIfExists(upload);
        }
    }
}
