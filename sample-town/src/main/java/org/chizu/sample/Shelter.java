package org.chizu.sample;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A designated shelter (指定避難所) or emergency evacuation site (指定緊急避難場所) as the generators
 * need it, read back from the {@code facilities} layer after GSI's files were imported.
 *
 * @param name          施設・場所名
 * @param address       住所, beginning with the prefecture and town
 * @param location      where it is
 * @param forLandslide  whether an emergency evacuation site is designated for landslides; null for
 *                      a designated shelter, which is designated for no hazard in particular
 */
record Shelter(String name, String address, LonLat location, Boolean forLandslide) {

    /** The part of an address naming the place (大字), before the lot number: 匹見町匹見イ12 → 匹見町匹見. */
    private static final Pattern PLACE = Pattern.compile("^(.+?)[イロハニホヘト]?(?:[0-9０-９－-].*)?$");

    /** The place within the town (町・大字), from the address: 島根県益田市美都町都茂1 → 美都町都茂. */
    String district(Town town) {
        String prefix = "島根県" + town.nameJa();
        String rest = address.startsWith(prefix) ? address.substring(prefix.length()) : address;
        Matcher place = PLACE.matcher(rest);
        return place.matches() && !place.group(1).isBlank() ? place.group(1) : town.nameJa();
    }

    /**
     * Whether the town warns that a landslide may reach the site: its name carries 【土砂災害注意】,
     * or it is an evacuation site not designated for landslides.
     */
    boolean landslideCaution() {
        return name.contains("土砂災害注意") || Boolean.FALSE.equals(forLandslide);
    }
}
