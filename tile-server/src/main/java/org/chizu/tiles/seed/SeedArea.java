package org.chizu.tiles.seed;

import java.util.ArrayList;
import java.util.List;

import org.chizu.gis.layer.LayerDataChanged.Bounds;
import org.chizu.gis.layer.TileSettings;
import org.chizu.tiles.TileRange;

/**
 * What a seeding covers: a box in degrees and a zoom range, as the command's {@code --bbox} and
 * {@code --zoom} and the HTTP request's {@code bbox} and {@code zoom} give them.
 *
 * @param minZoom not above {@code maxZoom}, both within 0–{@value TileSettings#MAX_ZOOM}
 */
record SeedArea(Bounds bbox, int minZoom, int maxZoom) {

    /**
     * @param bbox "minLon,minLat,maxLon,maxLat"
     * @param zoom "FROM-TO" or one zoom
     * @throws IllegalArgumentException naming what is wrong with either
     */
    static SeedArea parse(String bbox, String zoom) {
        if (bbox == null || zoom == null) {
            throw new IllegalArgumentException("seeding needs a bbox (minLon,minLat,maxLon,maxLat) and a zoom (FROM-TO)");
        }
        int[] zooms = parseZooms(zoom);
        return new SeedArea(parseBbox(bbox), zooms[0], zooms[1]);
    }

    /** The tiles of each zoom, lowest first. */
    List<TileRange> ranges() {
        List<TileRange> ranges = new ArrayList<>();
        for (int z = minZoom; z <= maxZoom; z++) {
            ranges.add(TileRange.covering(bbox, z, 0));
        }
        return ranges;
    }

    long tileCount() {
        return ranges().stream().mapToLong(TileRange::count).sum();
    }

    private static Bounds parseBbox(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox needs minLon,minLat,maxLon,maxLat");
        }
        double[] v = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bbox needs four numbers, not " + text);
        }
        if (v[0] >= v[2] || v[1] >= v[3] || v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
            throw new IllegalArgumentException("bbox " + text + " is not a box west,south,east,north in degrees");
        }
        return new Bounds(v[0], v[1], v[2], v[3]);
    }

    private static int[] parseZooms(String text) {
        String[] parts = text.split("-", 2);
        try {
            int from = Integer.parseInt(parts[0].strip());
            int to = parts.length == 1 ? from : Integer.parseInt(parts[1].strip());
            if (from < 0 || to > TileSettings.MAX_ZOOM || from > to) {
                throw new IllegalArgumentException("zoom " + text + " must lie within 0-" + TileSettings.MAX_ZOOM);
            }
            return new int[] {from, to};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("zoom needs FROM-TO, such as 10-14, not " + text);
        }
    }
}
