package org.chizu.sample;

import java.util.List;

/** Where a town's centre is: the middle of its densest cluster of shelters. */
final class TownCentre {

    /** Shelters closer than this to each other count as one cluster. */
    static final double CLUSTER_RADIUS_METRES = 1_000;

    private TownCentre() {
    }

    /**
     * The mean position of the shelters around the shelter with most neighbours within the cluster
     * radius; on a tie the earlier shelter in the list wins, so the answer never changes.
     *
     * @throws IllegalArgumentException when there are no shelters
     */
    static LonLat of(List<Shelter> shelters) {
        if (shelters.isEmpty()) {
            throw new IllegalArgumentException("a town centre needs at least one shelter");
        }
        LocalPlane plane = new LocalPlane(shelters.getFirst().location());
        Shelter densest = shelters.getFirst();
        long most = -1;
        for (Shelter candidate : shelters) {
            long neighbours = neighbours(candidate, shelters, plane).size();
            if (neighbours > most) {
                most = neighbours;
                densest = candidate;
            }
        }
        List<Shelter> cluster = neighbours(densest, shelters, plane);
        return new LonLat(cluster.stream().mapToDouble(s -> s.location().lon()).average().orElseThrow(),
                cluster.stream().mapToDouble(s -> s.location().lat()).average().orElseThrow());
    }

    private static List<Shelter> neighbours(Shelter of, List<Shelter> shelters, LocalPlane plane) {
        return shelters.stream()
                .filter(other -> plane.distance(of.location(), other.location()) <= CLUSTER_RADIUS_METRES).toList();
    }
}
