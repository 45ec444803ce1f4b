package org.chizu.forestry.discovery;

import java.util.ArrayList;
import java.util.List;

/**
 * The dimensions of a LAS point data record format (0–10, LAS 1.4 R15), as the point cloud
 * extension's {@code pc:schemas} lists them: in whole bytes, named as PDAL names them, and read as
 * PDAL reads them (X, Y and Z scaled to 8-byte floating point, bit fields as single unsigned bytes).
 */
final class PointDimensions {

    private static final int LAST_FORMAT = 10;

    /** @param type {@code floating}, {@code unsigned} or {@code signed} */
    record Dimension(String name, int size, String type) {
    }

    private PointDimensions() {
    }

    /** @throws IllegalArgumentException for a format LAS does not define (the ingest refuses those) */
    static List<Dimension> of(int format) {
        if (format < 0 || format > LAST_FORMAT) {
            throw new IllegalArgumentException("LAS has no point format " + format);
        }
        boolean extended = format >= 6;
        List<Dimension> dimensions = new ArrayList<>();
        add(dimensions, "floating", 8, "X", "Y", "Z");
        add(dimensions, "unsigned", 2, "Intensity");
        add(dimensions, "unsigned", 1, "ReturnNumber", "NumberOfReturns", "ScanDirectionFlag", "EdgeOfFlightLine", "Classification",
                "Synthetic", "KeyPoint", "Withheld");
        if (extended) {
            add(dimensions, "unsigned", 1, "Overlap", "ScanChannel");
        }
        add(dimensions, "floating", 4, "ScanAngleRank");
        add(dimensions, "unsigned", 1, "UserData");
        add(dimensions, "unsigned", 2, "PointSourceId");
        if (format != 0 && format != 2) {
            add(dimensions, "floating", 8, "GpsTime");
        }
        if (format == 2 || format == 3 || format == 5 || format == 7 || format == 8 || format == 10) {
            add(dimensions, "unsigned", 2, "Red", "Green", "Blue");
        }
        if (format == 8 || format == 10) {
            add(dimensions, "unsigned", 2, "Infrared");
        }
        if (format == 4 || format == 5 || format == 9 || format == 10) {
            add(dimensions, "unsigned", 1, "WavePacketDescriptorIndex");
            add(dimensions, "unsigned", 8, "WaveformDataOffset");
            add(dimensions, "unsigned", 4, "WaveformPacketSize");
            add(dimensions, "floating", 4, "ReturnPointWaveformLocation", "Xt", "Yt", "Zt");
        }
        return dimensions;
    }

    private static void add(List<Dimension> dimensions, String type, int size, String... names) {
        for (String name : names) {
            dimensions.add(new Dimension(name, size, type));
        }
    }
}
