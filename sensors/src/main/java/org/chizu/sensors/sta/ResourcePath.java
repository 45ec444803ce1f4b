package org.chizu.sensors.sta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chizu.sensors.SensorsProblem;

/**
 * A SensorThings resource path below the service root: {@code Things(1)/Datastreams},
 * {@code Datastreams(3)/Thing}, {@code Things(1)/name/$value}, {@code Things/$ref}.
 *
 * @param segments the entity sets or entities walked, the first from the root
 * @param property a property of the last entity, or null
 * @param value    {@code /$value}: the property's raw value
 * @param ref      {@code /$ref}: links instead of entities
 */
record ResourcePath(List<Segment> segments, Property property, boolean value, boolean ref) {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(?:\\(([^)]*)\\))?");

    /**
     * @param type the entity type reached
     * @param via  the navigation property that led here, or null for the first segment
     * @param id   the entity's id, or null for all of them
     */
    record Segment(EntityType type, Navigation via, Long id) {

        boolean single() {
            return id != null || (via != null && !via.toMany());
        }
    }

    EntityType type() {
        return segments.getLast().type();
    }

    Segment last() {
        return segments.getLast();
    }

    /** Whether the path names one entity rather than a collection. */
    boolean single() {
        return last().single();
    }

    /** @throws SensorsProblem 404 naming the first segment that is not a SensorThings resource */
    static ResourcePath parse(String path) {
        List<String> parts = List.of(path.split("/")).stream().filter(part -> !part.isEmpty()).toList();
        List<Segment> segments = new ArrayList<>();
        Property property = null;
        boolean value = false;
        boolean ref = false;
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            boolean lastPart = i == parts.size() - 1;
            if (part.equals("$ref") && lastPart && !segments.isEmpty() && property == null) {
                ref = true;
                continue;
            }
            if (part.equals("$value") && lastPart && property != null) {
                value = true;
                continue;
            }
            if (property != null) {
                throw unknown(path, part);
            }
            Matcher matcher = SEGMENT.matcher(part);
            if (!matcher.matches()) {
                throw unknown(path, part);
            }
            String name = matcher.group(1);
            Long id = matcher.group(2) == null ? null : id(path, matcher.group(2));
            if (segments.isEmpty()) {
                EntityType type = EntityType.ofSet(name).orElseThrow(() -> unknown(path, part));
                segments.add(new Segment(type, null, id));
                continue;
            }
            Segment previous = segments.getLast();
            if (!previous.single()) {
                throw unknown(path, part);
            }
            var navigation = previous.type().navigation(name);
            if (navigation.isPresent() && (id == null || navigation.get().toMany())) {
                segments.add(new Segment(navigation.get().target(), navigation.get(), id));
                continue;
            }
            if (id == null && (name.equals("id") || previous.type().property(name).isPresent())) {
                property = previous.type().property(name).orElse(new Property("id", Property.Kind.ID, "id", null, false, true));
                continue;
            }
            throw unknown(path, part);
        }
        if (segments.isEmpty()) {
            throw unknown(path, "");
        }
        return new ResourcePath(List.copyOf(segments), property, value, ref);
    }

    private static long id(String path, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw SensorsProblem.badRequest("'" + text + "' in " + path + " is not an id; ids here are whole numbers, as in Things(1).",
                    Map.of("path", path));
        }
    }

    private static SensorsProblem unknown(String path, String part) {
        return new SensorsProblem(404, "sensors-not-found", "Not found", "'" + part + "' in " + path + " is not a SensorThings resource.",
                Map.of("path", path));
    }
}
