package org.chizu.forestry.products;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.chizu.forestry.laser.ArchivedTile;

/**
 * The order a product run decodes a survey's tiles in, and after which tile each block has all its
 * points and can be finished. Tiles go row by row from the north-west (column by column when the
 * survey is wider than tall), so the blocks waiting for a tile still to come (those in flight) are the
 * ones along one line across the survey. A survey more than {@link #STRIP_BLOCKS} blocks across that
 * line is swept in strips of that many blocks, one after the other, which bounds the blocks in flight
 * whatever the survey's size; only the tiles along a strip's edge are then decoded twice, once for
 * each strip. A survey up to 5 km across is one strip: each tile is decoded once.
 *
 * @param tiles    the tiles in the order to decode them (a tile on a strip's edge twice)
 * @param reached  for each step, the blocks (indices) whose buffered area the tile overlaps in its strip
 * @param finished for each step, the blocks that have all their points once the tile is read
 * @param peakInFlight the most blocks holding points at once
 */
record BlockSweep(List<ArchivedTile> tiles, List<int[]> reached, List<int[]> finished, int peakInFlight) {

    /** Blocks across a strip: 5 km of 500 m blocks, so at most some 30 blocks (600 MB) in flight. */
    static final int STRIP_BLOCKS = 10;

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
        // strips run along the sweep: groups of block columns when sweeping rows, of block rows when sweeping columns
        int stripCells = STRIP_BLOCKS * (int) Math.round(blockMetres / survey.cell());
        int strips = Math.ceilDiv(byColumns ? survey.height() : survey.width(), stripCells);

        List<ArchivedTile> steps = new ArrayList<>();
        List<int[]> reached = new ArrayList<>();
        List<int[]> finished = new ArrayList<>();
        int peak = 0;
        for (int strip = 0; strip < strips; strip++) {
            int[] pending = new int[blocks.size()];
            List<ArchivedTile> stripTiles = new ArrayList<>();
            List<int[]> stripReached = new ArrayList<>();
            for (ArchivedTile tile : order) {
                List<Integer> reaches = new ArrayList<>();
                for (int i = 0; i < blocks.size(); i++) {
                    Block block = blocks.get(i);
                    if ((byColumns ? block.core().row() : block.core().col()) / stripCells == strip
                            && block.reads(tile.minX(), tile.minY(), tile.maxX(), tile.maxY())) {
                        reaches.add(i);
                        pending[i]++;
                    }
                }
                if (!reaches.isEmpty()) {
                    stripTiles.add(tile);
                    stripReached.add(reaches.stream().mapToInt(Integer::intValue).toArray());
                }
            }
            boolean[] inFlight = new boolean[blocks.size()];
            int flying = 0;
            for (int[] blocksOfTile : stripReached) {
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
            steps.addAll(stripTiles);
            reached.addAll(stripReached);
        }
        return new BlockSweep(steps, reached, finished, peak);
    }
}
