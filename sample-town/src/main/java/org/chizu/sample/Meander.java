package org.chizu.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lines that wind like roads and rivers do instead of running straight between their waypoints.
 * Each leg between two waypoints bends sideways by a smooth wave that is zero at both ends, so the
 * line still passes through every waypoint.
 */
final class Meander {

    private static final double STEP_METRES = 80;
    private static final double MAX_BEND_METRES = 400;

    private Meander() {
    }

    /**
     * A winding line through the waypoints.
     *
     * @param relativeBend how far a leg bends sideways, as a fraction of its length (capped at 400 m)
     * @param random       the source of each leg's wave; the same sequence gives the same line
     */
    static List<LonLat> through(List<LonLat> waypoints, double relativeBend, Random random) {
        LocalPlane plane = new LocalPlane(waypoints.getFirst());
        List<LonLat> line = new ArrayList<>(List.of(waypoints.getFirst()));
        for (int leg = 1; leg < waypoints.size(); leg++) {
            LocalPlane.Xy from = plane.toPlane(waypoints.get(leg - 1));
            LocalPlane.Xy to = plane.toPlane(waypoints.get(leg));
            double length = from.distanceTo(to);
            if (length < 1) {
                continue;
            }
            double bend = Math.min(relativeBend * length, MAX_BEND_METRES) * (0.5 + random.nextDouble() * 0.5)
                    * (random.nextBoolean() ? 1 : -1);
            int waves = 1 + random.nextInt(2);
            double phase = random.nextDouble() * Math.PI;
            int steps = Math.max(1, (int) Math.ceil(length / STEP_METRES));
            for (int step = 1; step <= steps; step++) {
                double t = (double) step / steps;
                double offset = bend * Math.sin(Math.PI * t) * Math.cos(waves * Math.PI * t + phase);
                LocalPlane.Xy along = from.towards(to, t);
                line.add(plane.toLonLat(new LocalPlane.Xy(along.x() - offset * (to.y() - from.y()) / length,
                        along.y() + offset * (to.x() - from.x()) / length)));
            }
        }
        return line;
    }
}
