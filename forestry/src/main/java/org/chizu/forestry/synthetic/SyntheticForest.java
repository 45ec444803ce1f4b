package org.chizu.forestry.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.chizu.forestry.laser.LasPoint;
import org.chizu.forestry.laser.LasWriter;
import org.chizu.forestry.synthetic.SyntheticTree.Species;

/**
 * A laser survey of a forest that never existed, made the same every time from its seed: ground with
 * hills and valleys, managed stands of スギ, ヒノキ, マツ and 広葉樹 whose every tree is known, and
 * pulses falling at a survey's density, each returning from the highest crown above it and, where the
 * canopy lets light through, from the ground too. It lets tree detection be measured against the truth.
 *
 * @param originX, originY the south-west corner, in the plane rectangular zone's metres
 * @param size            the side of the square surveyed, in metres
 * @param pulsesPerSquareMetre the survey's pulse density (an airborne survey for forestry flies 4–16)
 */
public record SyntheticForest(long seed, int srid, double originX, double originY, double size, double pulsesPerSquareMetre) {

    /** Stems per side of a stand's planting grid cell, jittered: about 450 stems a hectare. */
    private static final double SPACING = 4.7, JITTER = 0.8;
    /** The share of pulses through a crown that also reach the ground. */
    private static final double GAP_FRACTION = 0.3;
    private static final double FIRST_CANOPY = 2.0;
    /** The span over which the relief rises and falls once, whatever the size surveyed. */
    private static final double RELIEF_METRES = 600;

    /** The trees, the same for the same seed; species by quarter of the square, as stands are planted. */
    public List<SyntheticTree> trees() {
        SplittableRandom random = new SplittableRandom(seed);
        List<SyntheticTree> trees = new ArrayList<>();
        int perSide = (int) (size / SPACING);
        for (int row = 0; row < perSide; row++) {
            for (int col = 0; col < perSide; col++) {
                double x = originX + (col + 0.5) * SPACING + random.nextDouble(-JITTER, JITTER);
                double y = originY + (row + 0.5) * SPACING + random.nextDouble(-JITTER, JITTER);
                Species species = Species.values()[(row * 2 / perSide) * 2 + col * 2 / perSide];
                double height = random.nextDouble(species.lowest, species.tallest);
                double crownRadius = (species.conical ? 0.09 : 0.12) * height + random.nextDouble(0.3, 0.7);
                trees.add(new SyntheticTree(trees.size() + 1, species, x, y, height, crownRadius));
            }
        }
        return trees;
    }

    /** The ground's height: a slope towards the valley, ridges a few hundred metres apart and a hollow, 150–350 m. */
    public double ground(double x, double y) {
        double east = (x - originX) / RELIEF_METRES, north = (y - originY) / RELIEF_METRES;
        double hollow = (east - 0.6) * (east - 0.6) + (north - 0.3) * (north - 0.3);
        return 250 + 40 * north + 22 * Math.sin(east * 5.1 + 0.7) * Math.cos(north * 3.3) - 15 * Math.exp(-hollow * 18);
    }

    /**
     * Writes the survey as square LAS tiles of the given side, named by their corner, and returns them.
     * Each tile's pulses come from its own random stream, so a tile is the same however many are written.
     */
    public List<Path> writeTiles(Path directory, double tileSize) {
        CrownIndex crowns = new CrownIndex(trees());
        List<Path> tiles = new ArrayList<>();
        int perSide = (int) Math.ceil(size / tileSize);
        for (int row = 0; row < perSide; row++) {
            for (int col = 0; col < perSide; col++) {
                double west = originX + col * tileSize, south = originY + row * tileSize;
                Path tile = directory.resolve(String.format("%d_%d.las", Math.round(west), Math.round(south)));
                writeTile(tile, crowns, west, south, Math.min(tileSize, originX + size - west),
                        Math.min(tileSize, originY + size - south), new SplittableRandom(seed * 31 + row * perSide + col));
                tiles.add(tile);
            }
        }
        return tiles;
    }

    private void writeTile(Path file, CrownIndex crowns, double west, double south, double width, double depth,
            SplittableRandom random) {
        long pulses = Math.round(width * depth * pulsesPerSquareMetre);
        try (LasWriter writer = new LasWriter(file, srid, Math.floor(west), Math.floor(south), 0)) {
            for (long pulse = 0; pulse < pulses; pulse++) {
                double x = west + random.nextDouble() * width, y = south + random.nextDouble() * depth;
                double ground = ground(x, y) + random.nextGaussian() * 0.05;
                double canopy = crowns.canopyHeight(x, y);
                double time = pulse * 1e-5;
                int intensity = random.nextInt(40, 200);
                if (canopy > FIRST_CANOPY) {
                    boolean reachesGround = random.nextDouble() < GAP_FRACTION;
                    writer.write(new LasPoint(x, y, ground + canopy + random.nextGaussian() * 0.1, intensity, 1,
                            reachesGround ? 2 : 1, 5, time));
                    if (reachesGround) {
                        writer.write(new LasPoint(x, y, ground, intensity / 2, 2, 2, 2, time));
                    }
                } else {
                    writer.write(new LasPoint(x, y, ground, intensity, 1, 1, 2, time));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
