package org.chizu.sample;

import java.util.List;
import java.util.Random;

/**
 * One of the two sample towns: the shipped files of its real shelters, and the few facts about its
 * real geography that the generated layers are laid out on: where its national routes, rivers and
 * coast run (approximate lines, clipped to the real boundary later) and who administers its roads.
 *
 * @param code                      five-digit municipality code (全国地方公共団体コード without check digit)
 * @param nameJa                    Japanese name, such as 益田市
 * @param nameEn                    English name
 * @param nationalRoutes            national routes through the town centre
 * @param prefecturalOffice         the prefectural office that administers prefectural roads (県土整備事務所)
 * @param municipalRoadOffice       the town's road department
 * @param firstPrefecturalRouteNo   number given to the first generated prefectural road
 * @param rivers                    rivers whose flood zones are generated, each from upstream to its mouth
 * @param coast                     approximate shoreline, for the tsunami zone
 * @param coastName                 the sea or lagoon the coast faces
 * @param tsunamiReachMetres        how far inland the tsunami zone reaches
 * @param openWater                 water inside the municipal boundary (a lagoon), empty when none
 * @param emergencySites            the town's designated emergency evacuation sites (指定緊急避難場所)
 * @param shelters                  the town's designated shelters (指定避難所)
 */
record Town(String code, String nameJa, String nameEn,
            List<NationalRoute> nationalRoutes, String prefecturalOffice, String municipalRoadOffice,
            int firstPrefecturalRouteNo, List<River> rivers,
            List<LonLat> coast, String coastName, double tsunamiReachMetres, List<LonLat> openWater,
            PublicDataFile emergencySites, PublicDataFile shelters) {

    /**
     * A national route (国道) crossing the town centre: it runs through {@code beforeCentre}, the
     * centre found from the shelters, then {@code afterCentre}.
     *
     * @param number        route number, such as "9"
     * @param administrator the road administrator: the national government for 指定区間, the
     *                      prefecture for the other national routes
     */
    record NationalRoute(String number, String administrator, List<LonLat> beforeCentre, List<LonLat> afterCentre) {
    }

    /** A river by its approximate course, upstream first. */
    record River(String nameJa, List<LonLat> course) {
    }

    static final Town MASUDA = new Town("32204", "益田市", "Masuda",
            List.of(new NationalRoute("9", "国土交通省 中国地方整備局 浜田河川国道事務所",
                            List.of(p(131.935, 34.762), p(131.881, 34.752), p(131.873, 34.717), p(131.858, 34.700)),
                            List.of(p(131.815, 34.660), p(131.807, 34.626), p(131.803, 34.600), p(131.798, 34.570))),
                    new NationalRoute("191", "島根県 益田県土整備事務所",
                            List.of(p(131.680, 34.668), p(131.743, 34.672), p(131.790, 34.684), p(131.821, 34.682)),
                            List.of(p(131.876, 34.672), p(131.938, 34.632), p(131.990, 34.610), p(132.024, 34.592), p(132.090, 34.560)))),
            "島根県 益田県土整備事務所", "益田市 建設部", 173,
            List.of(new River("高津川", List.of(p(131.800, 34.575), p(131.808, 34.600), p(131.807, 34.626),
                            p(131.812, 34.650), p(131.810, 34.672), p(131.806, 34.693))),
                    new River("益田川", List.of(p(131.973, 34.674), p(131.930, 34.660), p(131.890, 34.668),
                            p(131.862, 34.672), p(131.845, 34.681), p(131.835, 34.695), p(131.826, 34.701)))),
            List.of(p(131.918, 34.755), p(131.895, 34.760), p(131.868, 34.750), p(131.866, 34.727), p(131.850, 34.712),
                    p(131.820, 34.697), p(131.790, 34.686), p(131.752, 34.677), p(131.720, 34.675), p(131.690, 34.676)),
            "日本海", 600, List.of(),
            PublicDataFile.MASUDA_EMERGENCY_SITES, PublicDataFile.MASUDA_SHELTERS);

    static final Town YASUGI = new Town("32206", "安来市", "Yasugi",
            List.of(new NationalRoute("9", "国土交通省 中国地方整備局 松江国道事務所",
                            List.of(p(133.150, 35.430), p(133.195, 35.430), p(133.225, 35.428)),
                            List.of(p(133.280, 35.425), p(133.300, 35.418), p(133.330, 35.405))),
                    new NationalRoute("432", "島根県 松江県土整備事務所",
                            List.of(),
                            List.of(p(133.240, 35.400), p(133.222, 35.380), p(133.197, 35.360), p(133.175, 35.340),
                                    p(133.152, 35.316), p(133.140, 35.290), p(133.120, 35.240)))),
            "島根県 松江県土整備事務所", "安来市 建設部", 252,
            List.of(new River("飯梨川", List.of(p(133.125, 35.255), p(133.140, 35.290), p(133.152, 35.318),
                    p(133.175, 35.350), p(133.197, 35.378), p(133.207, 35.400), p(133.214, 35.425), p(133.216, 35.441)))),
            List.of(p(133.185, 35.440), p(133.205, 35.437), p(133.225, 35.439), p(133.240, 35.449), p(133.256, 35.440),
                    p(133.275, 35.440), p(133.300, 35.433), p(133.318, 35.414)),
            "中海", 250,
            // 中海 (Nakaumi lagoon) south of the municipal line across it: the boundary data includes it.
            List.of(p(133.185, 35.440), p(133.205, 35.437), p(133.225, 35.439), p(133.240, 35.449), p(133.256, 35.440),
                    p(133.275, 35.440), p(133.300, 35.433), p(133.318, 35.414), p(133.340, 35.414), p(133.340, 35.500),
                    p(133.170, 35.500), p(133.170, 35.440)),
            PublicDataFile.YASUGI_EMERGENCY_SITES, PublicDataFile.YASUGI_SHELTERS);

    static final List<Town> ALL = List.of(MASUDA, YASUGI);

    /** The name without 市, as used in road names (益田). */
    String shortName() {
        return nameJa.substring(0, nameJa.length() - 1);
    }

    /**
     * A random sequence that is the same on every run for this town and purpose, so that the
     * generated data never changes between runs or machines.
     */
    Random random(String purpose) {
        return new Random(("chizu-sample/" + code + "/" + purpose).hashCode());
    }

    private static LonLat p(double lon, double lat) {
        return new LonLat(lon, lat);
    }
}
