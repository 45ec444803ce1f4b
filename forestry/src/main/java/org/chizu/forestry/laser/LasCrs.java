package org.chizu.forestry.laser;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.chizu.gis.crs.WktCrs;

import com.github.mreutegg.laszip4j.LASHeader;

/**
 * The coordinate system a LAS file declares for itself: an OGC WKT record (LAS 1.4, and 1.2 files
 * written by newer tools) or GeoTIFF keys (the older way), in its variable-length records or, for
 * LAS 1.4, its extended ones.
 */
final class LasCrs {

    private static final String PROJECTION_RECORDS = "LASF_Projection";
    private static final int WKT_RECORD = 2112, GEO_KEY_DIRECTORY = 34735;
    private static final int PROJECTED_CRS_KEY = 3072, GEOGRAPHIC_CRS_KEY = 2048, USER_DEFINED = 32767;

    private LasCrs() {
    }

    /** The EPSG code and where it was read, or empty when the file says nothing usable. */
    static Optional<DeclaredCrs> of(LASHeader header) {
        Optional<DeclaredCrs> fromWkt = records(header)
                .filter(record -> record.recordId() == WKT_RECORD)
                .map(record -> WktCrs.epsgCode(record.text()))
                .flatMap(Optional::stream)
                .map(srid -> new DeclaredCrs(srid, "wkt"))
                .findFirst();
        if (fromWkt.isPresent()) {
            return fromWkt;
        }
        return records(header)
                .filter(record -> record.recordId() == GEO_KEY_DIRECTORY)
                .map(record -> geoKeyCode(record.data()))
                .flatMap(Optional::stream)
                .map(srid -> new DeclaredCrs(srid, "geotiff"))
                .findFirst();
    }

    /** A coordinate system and how it was found: "wkt", "geotiff" or "declared" (given by the operator). */
    record DeclaredCrs(int srid, String source) {
    }

    private record ProjectionRecord(int recordId, ByteBuffer data) {
        String text() {
            byte[] bytes = new byte[data.remaining()];
            data.duplicate().get(bytes);
            int end = 0;
            while (end < bytes.length && bytes[end] != 0) {
                end++;
            }
            return new String(bytes, 0, end, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** laszip4j 0.20 throws on asking a file without records for its records, so ask only when it has some. */
    private static Stream<ProjectionRecord> records(LASHeader header) {
        Stream<ProjectionRecord> plain = header.getNumberOfVariableLengthRecords() == 0 ? Stream.empty() : StreamSupport.stream(header.getVariableLengthRecords().spliterator(), false)
                .filter(record -> PROJECTION_RECORDS.equals(record.getUserID().trim()))
                .map(record -> new ProjectionRecord(record.getRecordID(), record.getData()));
        Stream<ProjectionRecord> extended = header.getNumberOfExtendedVariableLengthRecords() == 0 ? Stream.empty() : StreamSupport.stream(header.getExtendedVariableLengthRecords().spliterator(), false)
                .filter(record -> PROJECTION_RECORDS.equals(record.getUserID().trim()))
                .map(record -> new ProjectionRecord(record.getRecordID(), record.getData()));
        return Stream.concat(plain, extended);
    }

    /**
     * The projected (else geographic) EPSG code in a GeoTIFF key directory: four shorts of header, the
     * last the number of keys, then four shorts per key (id, location, count, value); a key stored
     * in place has location 0.
     */
    private static Optional<Integer> geoKeyCode(ByteBuffer data) {
        ByteBuffer keys = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (keys.remaining() < 8) {
            return Optional.empty();
        }
        int count = Short.toUnsignedInt(keys.getShort(6));
        Integer projected = null, geographic = null;
        for (int key = 0; key < count && 8 + key * 8 + 8 <= keys.remaining(); key++) {
            int at = 8 + key * 8;
            int id = Short.toUnsignedInt(keys.getShort(at));
            int location = Short.toUnsignedInt(keys.getShort(at + 2));
            int value = Short.toUnsignedInt(keys.getShort(at + 6));
            if (location != 0 || value == 0 || value == USER_DEFINED) {
                continue;
            }
            if (id == PROJECTED_CRS_KEY) {
                projected = value;
            } else if (id == GEOGRAPHIC_CRS_KEY) {
                geographic = value;
            }
        }
        return Optional.ofNullable(projected != null ? projected : geographic);
    }
}
