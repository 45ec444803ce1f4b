package org.chizu.gis.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.chizu.gis.crs.CrsCode;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Reads a GeoJSON FeatureCollection one feature at a time, so a large file never sits in memory
 * as a whole. Coordinates are RFC 7946 longitude/latitude (CRS84) unless the file carries the
 * legacy (2008) {@code crs} member naming another system, as older GIS exports do.
 */
final class GeoJsonFeatureReader implements FeatureReader {

    // Decimals stay exact, so 3.10 m of width is not read as 3.0999999.
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final GeoJsonReader geometryReader = new GeoJsonReader(new GeometryFactory());

    @Override
    public SourceDescription read(Path file, ImportRequest request, ImportProblems problems, Consumer<SourceFeature> features)
            throws IOException {
        Integer srid = CrsCode.WGS84;
        String type = null;
        try (JsonParser parser = json.createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                problems.add(InputProblem.ofFile("the file is not a GeoJSON FeatureCollection"));
                return new SourceDescription(null, null);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String member = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (member) {
                    case "type" -> type = parser.getValueAsString();
                    case "crs" -> srid = legacyCrs(json.readTree(parser), problems);
                    case "features" -> readFeatures(parser, value, features, problems);
                    default -> parser.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String message = "the file is not valid JSON: " + e.getOriginalMessage();
            problems.add(where != null && where.getLineNr() > 0 ? InputProblem.atLine(where.getLineNr(), null, message)
                    : InputProblem.ofFile(message));
        }
        if (type != null && !type.equals("FeatureCollection")) {
            problems.add(InputProblem.ofFile("the file is a GeoJSON " + type + ", not a FeatureCollection"));
        }
        return new SourceDescription(srid, null);
    }

    private void readFeatures(JsonParser parser, JsonToken start, Consumer<SourceFeature> features, ImportProblems problems)
            throws IOException {
        if (start != JsonToken.START_ARRAY) {
            problems.add(InputProblem.ofFile("\"features\" is not an array"));
            parser.skipChildren();
            return;
        }
        int number = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            feature(++number, json.readTree(parser), problems).ifPresent(features);
        }
    }

    private Optional<SourceFeature> feature(int number, JsonNode node, ImportProblems problems) {
        Map<String, Object> properties = new LinkedHashMap<>();
        node.path("properties").properties().forEach(p -> properties.put(p.getKey(), value(p.getValue())));
        SourceFeature feature = new SourceFeature(number, null, null, properties);
        if (!node.path("type").asText().equals("Feature")) {
            problems.add(feature.problem(null, "is not a GeoJSON Feature"));
            return Optional.empty();
        }
        JsonNode geometry = node.path("geometry");
        if (geometry.isMissingNode() || geometry.isNull()) {
            return Optional.of(feature);
        }
        try {
            return Optional.of(new SourceFeature(number, null, geometryReader.read(geometry.toString()), properties));
        } catch (ParseException | RuntimeException e) {
            // JTS reports malformed coordinate arrays as parse errors or as runtime exceptions.
            problems.add(feature.problem("geometry", "is not a GeoJSON geometry: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** A property value as the attribute types parse it: text, an exact number, a boolean or null. */
    private static Object value(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.longValue() : value.decimalValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return value.toString();
    }

    private static Integer legacyCrs(JsonNode crs, ImportProblems problems) {
        if (crs.isNull()) {
            return CrsCode.WGS84;
        }
        String name = crs.path("properties").path("name").asText(null);
        if (name == null) {
            problems.add(InputProblem.ofFile("the \"crs\" member names no coordinate system (only named ones are supported)"));
            return null;
        }
        try {
            return CrsCode.parse(name);
        } catch (IllegalArgumentException e) {
            problems.add(InputProblem.ofFile("\"crs\": " + e.getMessage()));
            return null;
        }
    }
}
