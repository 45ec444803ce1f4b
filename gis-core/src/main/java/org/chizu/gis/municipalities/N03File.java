package org.chizu.gis.municipalities;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.chizu.gis.imports.FeatureFiles;
import org.chizu.gis.imports.FeatureFiles.FileFeature;
import org.locationtech.jts.geom.Geometry;

/**
 * One municipality picked out of a 国土数値情報 administrative-boundary file (行政区域, N03), which
 * holds a whole prefecture: every polygon whose {@code N03_007} is the municipality's code (an
 * island town has several). {@code N03_001} is the prefecture, {@code N03_003} the 郡 or, for a ward,
 * the 政令指定都市, {@code N03_004} the municipality or ward.
 *
 * @param code   the five-digit code
 * @param nameJa its name: N03_004, after the city's name for a ward of a 政令指定都市 (札幌市中央区)
 * @param parts  its polygons as the file holds them
 * @param srid   the EPSG code of their coordinates
 */
record N03File(String code, String nameJa, List<Geometry> parts, int srid) {

    static final String CODE = "N03_007";
    static final String NAME = "N03_004";
    static final String COUNTY_OR_CITY = "N03_003";
    /** N03 files are in JGD2011 since 2011's edition; a file that does not say is taken to be. */
    static final int JGD2011 = 6668;

    /**
     * Reads the file through gis-core's feature readers (any format they read) and keeps only the
     * municipality's polygons, so a whole prefecture's file never sits in memory.
     *
     * @throws MunicipalityProblem when the file is no N03 file (naming its columns) or does not hold
     *                             the code (naming the codes it holds)
     */
    static N03File find(String code, Path file, String fileName) throws IOException {
        return findAll(List.of(code), file, fileName).getFirst();
    }

    /**
     * Picks several municipalities out of one reading of the file, as {@link #find} picks one.
     *
     * @return one for each code, in the order given
     * @throws MunicipalityProblem as {@link #find} does, for the first code the file lacks
     */
    static List<N03File> findAll(List<String> codes, Path file, String fileName) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        Set<String> codesInFile = new TreeSet<>();
        Map<String, List<Geometry>> parts = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        codes.forEach(code -> parts.put(code, new ArrayList<>()));
        Integer srid = FeatureFiles.read(file, fileName, "municipalities", feature -> {
            columns.addAll(feature.properties().keySet());
            String featureCode = code(feature);
            if (featureCode == null) {
                return;
            }
            codesInFile.add(featureCode);
            List<Geometry> partsOfCode = parts.get(featureCode);
            if (partsOfCode != null && feature.geometry() != null) {
                partsOfCode.add(feature.geometry());
                names.putIfAbsent(featureCode, name(feature));
            }
        });
        if (!columns.contains(CODE)) {
            throw MunicipalityProblem.notN03(fileName, List.copyOf(columns));
        }
        List<N03File> found = new ArrayList<>();
        for (Map.Entry<String, List<Geometry>> code : parts.entrySet()) {
            if (code.getValue().isEmpty()) {
                throw MunicipalityProblem.notInFile(code.getKey(), fileName, List.copyOf(codesInFile), codesInFile.size());
            }
            String name = names.get(code.getKey());
            found.add(new N03File(code.getKey(), name != null ? name : code.getKey(), code.getValue(), srid != null ? srid : JGD2011));
        }
        return found;
    }

    /** N03_007 as five digits; a file written with numbers has lost the leading zero of 01–09. */
    private static String code(FileFeature feature) {
        Object value = feature.properties().get(CODE);
        if (value instanceof Number number) {
            return "%05d".formatted(number.longValue());
        }
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static String name(FileFeature feature) {
        String name = text(feature, NAME);
        String countyOrCity = text(feature, COUNTY_OR_CITY);
        if (name == null) {
            return countyOrCity;
        }
        return countyOrCity != null && countyOrCity.endsWith("市") ? countyOrCity + name : name;
    }

    private static String text(FileFeature feature, String column) {
        Object value = feature.properties().get(column);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
