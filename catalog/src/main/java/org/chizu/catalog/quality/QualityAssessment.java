package org.chizu.catalog.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.chizu.platform.Label;

/**
 * One dataset's metadata quality: a measurement per metric. Totals count only measured metrics,
 * so a URL check that has not run yet neither earns nor loses points.
 *
 * @param measurements one per {@link QualityMetric}, in the metrics' order
 */
public record QualityAssessment(List<Measurement> measurements) {

    public QualityAssessment {
        measurements = List.copyOf(measurements);
    }

    /**
     * @param metric    what was measured
     * @param passed    whether the dataset passed; null when not measured yet
     * @param checkedAt when the URLs the measurement rests on were checked (the oldest of them);
     *                  empty for metrics read from the description itself
     */
    public record Measurement(QualityMetric metric, Boolean passed, Optional<Instant> checkedAt) {

        public Measurement {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(checkedAt, "checkedAt");
        }

        public boolean measured() {
            return passed != null;
        }

        public int points() {
            return Boolean.TRUE.equals(passed) ? metric.points() : 0;
        }

        int max() {
            return measured() ? metric.points() : 0;
        }
    }

    public int score() {
        return measurements.stream().mapToInt(Measurement::points).sum();
    }

    /** The points that could have been earned on the metrics measured so far. */
    public int max() {
        return measurements.stream().mapToInt(Measurement::max).sum();
    }

    public Rating rating() {
        return Rating.of(score(), max());
    }

    /**
     * The assessment as the dataset page reads it: {@code {score, max, rating, dimensions: [{id,
     * label: {ja, en}, score, max, metrics: [{id, label, points, max, passed}]}]}}, where
     * {@code passed} is null for a metric not measured yet.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("score", score());
        json.put("max", max());
        json.put("rating", rating().id());
        List<Map<String, Object>> dimensions = new ArrayList<>();
        for (QualityDimension dimension : QualityDimension.values()) {
            List<Measurement> in = measurements.stream().filter(m -> m.metric().dimension() == dimension).toList();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", dimension.id());
            entry.put("label", label(dimension.label()));
            entry.put("score", in.stream().mapToInt(Measurement::points).sum());
            entry.put("max", in.stream().mapToInt(Measurement::max).sum());
            entry.put("metrics", in.stream().map(QualityAssessment::metric).toList());
            dimensions.add(entry);
        }
        json.put("dimensions", dimensions);
        return json;
    }

    private static Map<String, Object> metric(Measurement measurement) {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("id", measurement.metric().id());
        metric.put("label", label(measurement.metric().label()));
        metric.put("points", measurement.points());
        metric.put("max", measurement.metric().points());
        metric.put("passed", measurement.passed());
        return metric;
    }

    private static Map<String, Object> label(Label label) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ja", label.ja());
        json.put("en", label.en());
        return json;
    }
}
