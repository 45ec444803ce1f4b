package org.chizu.gis.municipalities;

/**
 * What adding a municipality did.
 *
 * @param municipality       the municipality as now served
 * @param replaced           whether it was served before and its boundary was replaced
 * @param englishNameMissing whether no English name was given or kept, so the code stands in for it
 * @param polygons           how many polygons its boundary has
 */
public record AddedMunicipality(Municipality municipality, boolean replaced, boolean englishNameMissing, int polygons) {

    /** What was done, in a sentence or two for the person who did it. */
    public String summary() {
        String name = municipality.name().ja() + " " + municipality.fullCode();
        String done = replaced ? "replaced the boundary of " + name : "added " + name;
        String sentence = done + " (" + polygons + " polygon" + (polygons == 1 ? "" : "s") + ")";
        return englishNameMissing ? sentence + "; no English name was given, so English text calls it '"
                + municipality.name().en() + "' (give --name-en, or name-en over HTTP, to name it)" : sentence;
    }
}
