package org.chizu.app.towns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chizu.sample.PublicDataFile;

/**
 * 国土数値情報 administrative boundaries (N03, 2021) of Shimane's 19 municipalities, simplified
 * (170 KB), as the project ships it for the sample town: properties N03_001 prefecture, N03_003 郡, N03_004 name, N03_007 code.
 * 出典：国土交通省「国土数値情報（行政区域データ）」を加工して作成.
 */
public final class ShimaneN03 {

    /** A point in central 浜田市 (Hamada, 32202), whose boundary has three polygons. */
    public static final double HAMADA_LON = 132.0796;
    public static final double HAMADA_LAT = 34.8993;
    /** A point in central 出雲市 (Izumo, 32203). */
    public static final double IZUMO_LON = 132.7548;
    public static final double IZUMO_LAT = 35.3610;

    private ShimaneN03() {
    }

    public static Path file() {
        return Path.of("../sample-town/src/main/resources/" + PublicDataFile.SHIMANE_BOUNDARIES.resourceName()).toAbsolutePath().normalize();
    }

    public static byte[] bytes() {
        try {
            return Files.readAllBytes(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
