package org.chizu.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Which shelters a town's municipal roads join: a minimum spanning tree over the shelters' places
 * (so every one can be reached) plus a short link from each place to a near neighbour the tree
 * left out (so the network has loops, as real streets do).
 */
final class ShelterLinks {

    /** Shelters closer than this share one place (a school's gym, grounds and building). */
    private static final double SAME_PLACE_METRES = 40;
    private static final double LOCAL_LINK_METRES = 1_500;
    /** Longer gaps are left to the prefectural roads. */
    private static final double LONGEST_LINK_METRES = 6_000;

    /** A link between two places, by index into {@link #places()}. */
    record Link(int from, int to) {
    }

    private final List<Shelter> places;
    private final LocalPlane plane;

    ShelterLinks(List<Shelter> shelters) {
        this.plane = new LocalPlane(shelters.getFirst().location());
        this.places = distinctPlaces(shelters);
    }

    /** The first shelter at each place, in the order given. */
    static List<Shelter> distinctPlaces(List<Shelter> shelters) {
        List<Shelter> distinct = new ArrayList<>();
        for (Shelter shelter : shelters) {
            LocalPlane plane = new LocalPlane(shelter.location());
            if (distinct.stream().noneMatch(p -> plane.distance(p.location(), shelter.location()) < SAME_PLACE_METRES)) {
                distinct.add(shelter);
            }
        }
        return List.copyOf(distinct);
    }

    /** One shelter for each place, in the order the shelters were given. */
    List<Shelter> places() {
        return places;
    }

    /** The tree's links, then the local links, each at most six kilometres long. */
    List<Link> links() {
        Set<Link> links = new LinkedHashSet<>(spanningTree());
        for (int from = 0; from < places.size(); from++) {
            int at = from;
            List<Integer> nearest = IntStream.range(0, places.size()).boxed()
                    .filter(other -> other != at)
                    .sorted(Comparator.comparingDouble((Integer other) -> distance(at, other)).thenComparing(other -> other))
                    .limit(3).toList();
            nearest.stream()
                    .filter(other -> distance(at, other) <= LOCAL_LINK_METRES)
                    .map(other -> new Link(Math.min(at, other), Math.max(at, other)))
                    .filter(link -> !links.contains(link))
                    .findFirst().ifPresent(links::add);
        }
        return links.stream().filter(link -> distance(link.from(), link.to()) <= LONGEST_LINK_METRES).toList();
    }

    /** Prim's algorithm from the first place; ties go to the lower index, so the tree never changes. */
    private List<Link> spanningTree() {
        int n = places.size();
        boolean[] inTree = new boolean[n];
        double[] best = new double[n];
        int[] parent = new int[n];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        parent[0] = -1;
        List<Link> tree = new ArrayList<>();
        for (int round = 0; round < n; round++) {
            int next = -1;
            for (int i = 0; i < n; i++) {
                if (!inTree[i] && (next < 0 || best[i] < best[next])) {
                    next = i;
                }
            }
            inTree[next] = true;
            if (parent[next] >= 0) {
                tree.add(new Link(Math.min(parent[next], next), Math.max(parent[next], next)));
            }
            for (int i = 0; i < n; i++) {
                double d = distance(next, i);
                if (!inTree[i] && d < best[i]) {
                    best[i] = d;
                    parent[i] = next;
                }
            }
        }
        return tree;
    }

    private double distance(int a, int b) {
        return plane.distance(places.get(a).location(), places.get(b).location());
    }
}
