package org.chizu.tiles.web;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.chizu.accounts.CurrentAudience;
import org.chizu.gis.layer.DataSource;
import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.chizu.gis.layer.LayerSources;
import org.chizu.gis.layer.LayerExtents;
import org.chizu.tiles.Tileset;
import org.chizu.tiles.Tilesets;
import org.chizu.tiles.VectorLayer;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /tiles/{layers}.json}: the TileJSON 3.0.0 of a layer or of a composite of layers. */
@RestController
class TileJsonController {

    /** The world as Web Mercator shows it: TileJSON's default bounds, for a tileset without data. */
    private static final Bounds WORLD = new Bounds(-180, -85.0511287798066, 180, 85.0511287798066);
    /** Where a map opens: a town-wide view, within the tileset's zooms. */
    private static final int OPENING_ZOOM = 12;

    private final Tilesets tilesets;
    private final LayerExtents extents;
    private final LayerSources sources;
    private final CurrentAudience audience;

    TileJsonController(Tilesets tilesets, LayerExtents extents, LayerSources sources, CurrentAudience audience) {
        this.tilesets = tilesets;
        this.extents = extents;
        this.sources = sources;
        this.audience = audience;
    }

    @GetMapping("/tiles/{layers}.json")
    ResponseEntity<TileJson> tileJson(@PathVariable String layers) {
        Tileset tileset = tilesets.require(layers, audience.get());
        Bounds bounds = extents.union(tileset.layers()).orElse(WORLD);
        String tiles = ServletUriComponentsBuilder.fromCurrentContextPath().path("/tiles/" + tileset.name()).toUriString()
                + "/{z}/{x}/{y}.mvt";
        int openingZoom = Math.min(tileset.maxzoom(), Math.max(tileset.minzoom(), OPENING_ZOOM));
        TileJson document = new TileJson(
                "3.0.0",
                tileset.name(),
                tileset.layers().stream().map(l -> l.description().bilingual()).collect(Collectors.joining(" / ")),
                attribution(tileset),
                "xyz",
                List.of(tiles),
                tileset.minzoom(),
                tileset.maxzoom(),
                new double[] {bounds.minLon(), bounds.minLat(), bounds.maxLon(), bounds.maxLat()},
                new double[] {(bounds.minLon() + bounds.maxLon()) / 2, (bounds.minLat() + bounds.maxLat()) / 2, openingZoom},
                VectorLayer.of(tileset));
        return ResponseEntity.ok()
                .cacheControl(tileset.isPublic() ? CacheControl.noCache().cachePublic() : CacheControl.noCache().cachePrivate())
                .body(document);
    }

    /** The attribution lines the layers' sources require, or null when none does. */
    private String attribution(Tileset tileset) {
        String lines = tileset.layers().stream()
                .flatMap(layer -> sources.of(layer.id()).stream())
                .map(DataSource::attribution).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining("; "));
        return lines.isEmpty() ? null : lines;
    }
}
