package org.chizu.forestry.clip;

import java.util.List;

/**
 * What a clip job of one survey to an application's area would make, estimated from the tile index
 * before it starts: each tile's points prorated by the share of its extent inside the area.
 *
 * @param srid          the survey's plane rectangular system: the clipped LAS, rasters and trees are in it
 * @param tiles         the archived tiles the area overlaps, each downloadable whole
 * @param pointsToRead  every point of those tiles: the job reads them all
 * @param points        the points estimated inside the area
 * @param bytes         the estimated size of every file the job writes
 * @param trees         the tree tops inside the area
 * @param products      what the job will write: point_cloud, raster kinds made for the survey, tree_points, resource_mesh
 */
public record ClipPlan(long survey, String surveyName, String surveyingBody, int srid, List<Tile> tiles, long pointsToRead,
        long points, long bytes, long trees, List<String> products) {

    /** An archived tile of the survey that the area overlaps. */
    public record Tile(long id, String fileName, long bytes, long points) {
    }
}
