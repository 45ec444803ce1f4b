package org.chizu.forestry.products;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.chizu.forestry.laser.ArchivedTile;

/**
 * The order a product run decodes a survey's tiles in, each once, and after which tile each block has
 * all its points and can be finished. Tiles go row by row from the north-west (column by column when
 * the survey is wider than tall), so the blocks waiting for a tile still to come (those in flight) are
 * the ones along one line across the survey's narrower side, not the whole survey.
 *
 * @param tiles    the tiles in the order to decode them
 * @param reached  for each tile in that order, the blocks (indices) whose buffered area it overlaps
 * @param finished for each tile in that order, the blocks that have all their points once it is read
 * @param peakInFlight the most blocks holding points at once
 */
record BlockSweep(List<ArchivedTile> tiles, List<int[]> reached, List<int[]> finished, int peakInFlight) {

    static BlockSweep plan(List<Block> blocks, List<ArchivedTile> tiles, Grid survey, double blockMetres) {
        boolean byColumns = survey.width() > survey.height();
        Comparator<ArchivedTile> across = Comparator.comparingDouble(tile -> -(tile.minY() + tile.maxY()) / 2);
        Comparator<ArchivedTile> along = Comparator.comparingDouble(tile -> (tile.minX() + tile.maxX()) / 2);
        // tiles are grouped by the band of blocks their centre falls in, so slightly uneven tile edges keep a row together
        Comparator<ArchivedTile> band = Comparator.comparingInt(tile -> byColumns
                ? (int) Math.floor(((tile.minX() + tile.maxX()) / 2 - survey.west()) / blockMetres)
                : (int) Math.floor((survey.north() - (tile.minY() + tile.maxY()) / 2) / blockMetres));
        List<ArchivedTile> order = tiles.stream().sorted(band.thenComparing(byColumns ? across : along)
                .thenComparing(byColumns ? along : across).thenComparing(ArchivedTile::fileName)).toList();

        int[] pending = new int[blocks.size()];
        List<int[]> reached = new ArrayList<>();
        for (ArchivedTile tile : order) {
            List<Integer> reaches = new ArrayList<>();
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i).reads(tile.minX(), tile.minY(), tile.maxX(), tile.maxY())) {
                    reaches.add(i);
                    pending[i]++;
                }
            }
            reached.add(reaches.stream().mapToInt(Integer::intValue).toArray());
        }
        List<int[]> finished = new ArrayList<>();
        boolean[] inFlight = new boolean[blocks.size()];
        int flying = 0, peak = 0;
        for (int[] blocksOfTile : reached) {
            List<Integer> done = new ArrayList<>();
            for (int block : blocksOfTile) {
                if (!inFlight[block]) {
                    inFlight[block] = true;
                    flying++;
                }
            }
            peak = Math.max(peak, flying);
            for (int block : blocksOfTile) {
                if (--pending[block] == 0) {
                    done.add(block);
                    inFlight[block] = false;
                    flying--;
                }
            }
            finished.add(done.stream().mapToInt(Integer::intValue).toArray());
        }
        return new BlockSweep(order, reached, finished, peak);
    }
}
