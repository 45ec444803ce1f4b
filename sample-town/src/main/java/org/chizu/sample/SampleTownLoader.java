package org.chizu.sample;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.chizu.gis.layer.DataSource;
import org.chizu.platform.Label;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.changes.LayerChanges;
import org.chizu.gis.layer.LayerSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the sample town around Masuda (益田市) and Yasugi (安来市): the real municipal boundaries
 * and shelters from the shared data folder, and generated roads, forests, water pipes and hazard
 * zones laid out on them. Without the real data the boundaries and shelters are generated too.
 * <p>
 * The town is loaded at most once: only into a database whose layer tables and municipalities
 * are all empty, and in one transaction, so a failure leaves nothing behind. Generated data is
 * the same on every run and is marked as sample data in each layer's sources.
 */
@Service
public class SampleTownLoader {

    private static final Logger log = LoggerFactory.getLogger(SampleTownLoader.class);

    private static final List<String> GENERATED_LAYERS = List.of("roads", "forests", "water_pipes", "hazard_zones");
    /** The layers the sample town fills. */
    private static final List<String> LAYERS = Stream.concat(Stream.of("facilities"), GENERATED_LAYERS.stream()).toList();
    /** The tables the sample town fills, in the order they are reported. */
    private static final List<String> TABLES = Stream.concat(Stream.of("municipalities"), LAYERS.stream()).toList();
    /** Serialises concurrent start-ups against one database (pg_advisory_xact_lock key). */
    private static final long LOCK_KEY = 0x43_68_69_7a_75_53_54L;

    static final String GSI_ATTRIBUTION = "出典：国土地理院「指定緊急避難場所・指定避難所データ」";
    static final String MLIT_ATTRIBUTION = "出典：国土交通省「国土数値情報（行政区域データ）」を加工して作成";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LayerSources sources;
    private final LayerChanges changes;
    private final Path sharedData;

    public SampleTownLoader(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LayerSources sources,
                            LayerChanges changes, SampleTownProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.sources = sources;
        this.changes = changes;
        this.sharedData = properties.sharedData();
    }

    /**
     * Loads the sample town unless the database already holds data, and logs what it did in one line.
     *
     * @return what was loaded, or the counts found when nothing was
     */
    public LoadReport load() {
        long started = System.nanoTime();
        SharedDataFolder shared = new SharedDataFolder(sharedData);
        List<Path> missing = shared.missingFiles();
        LoadReport report = transactions.execute(status -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK_KEY);
            // The planner overrates the set-returning geometry functions and would JIT-compile
            // each of the many small statements, which takes far longer than running them.
            jdbc.execute("set local jit = off");
            Map<String, Long> before = counts();
            if (before.values().stream().anyMatch(count -> count > 0)) {
                return new LoadReport(false, !sources.of("facilities").stream().allMatch(DataSource::sample), before);
            }
            SampleGeography geography = missing.isEmpty() ? shared.read() : new GeneratedGeography().generate();
            build(geography);
            recordSources(geography.real());
            LAYERS.forEach(layer -> changes.publishOnCommit(LayerDataChanged.wholeLayer(layer)));
            return new LoadReport(true, geography.real(), counts());
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!report.loaded()) {
            log.info("sample town: the database already holds data ({}); reusing it, nothing loaded", report.counts());
        } else if (report.realData()) {
            log.info("sample town loaded in {} ms from the real public data in {} (boundaries: 国土数値情報, shelters: 国土地理院; "
                    + "roads, forests, water pipes and hazard zones generated, marked sample): {}", millis, shared.folder().toAbsolutePath().normalize(), report.counts());
        } else {
            log.warn("sample town: {}; the WHOLE sample town is generated, approximate boundaries and shelters "
                    + "included, all marked sample; loaded in {} ms: {}", shared.describeMissing(), millis, report.counts());
        }
        return report;
    }

    private void build(SampleGeography geography) {
        new GeographyWriter(jdbc).write(geography);
        TownGeography ground = new TownGeography(jdbc);
        Map<Town, LonLat> centres = new LinkedHashMap<>();
        for (Town town : Town.ALL) {
            LonLat centre = TownCentre.of(geography.sheltersOf(town));
            centres.put(town, centre);
            ground.prepare(town, centre);
        }
        RoadNetworkGenerator roads = new RoadNetworkGenerator(jdbc);
        centres.forEach((town, centre) -> roads.generate(town, centre, geography.sheltersOf(town)));
        ForestGenerator forests = new ForestGenerator(jdbc);
        Town.ALL.forEach(forests::generate);
        WaterPipeGenerator pipes = new WaterPipeGenerator(jdbc);
        Town.ALL.forEach(pipes::generate);
        HazardZoneGenerator hazards = new HazardZoneGenerator(jdbc);
        Town.ALL.forEach(town -> hazards.generate(town, geography.sheltersOf(town)));
    }

    private void recordSources(boolean real) {
        String generatedAttribution = real ? MLIT_ATTRIBUTION : null;
        sources.record("municipalities", real
                ? new DataSource(new Label("国土数値情報（行政区域データ）島根県 2021年", "National Land Numerical Information: administrative areas, Shimane 2021"), MLIT_ATTRIBUTION, false)
                : new DataSource(new Label("益田市・安来市の概略境界（サンプル：生成データ）", "Approximate boundaries of Masuda and Yasugi (sample, generated)"), null, true));
        sources.record("facilities", real
                ? new DataSource(new Label("指定緊急避難場所・指定避難所データ（国土地理院）", "Designated emergency evacuation sites and shelters (GSI)"), GSI_ATTRIBUTION, false)
                : new DataSource(new Label("サンプル避難所（生成データ）", "Sample shelters (generated)"), null, true));
        Map<String, Label> titles = Map.of(
                "roads", new Label("サンプル道路台帳（生成データ）", "Sample road ledger (generated)"),
                "forests", new Label("サンプル森林簿（生成データ）", "Sample forest register (generated)"),
                "water_pipes", new Label("サンプル水道管路（生成データ）", "Sample water mains (generated)"),
                "hazard_zones", new Label("サンプルハザード区域（生成データ）", "Sample hazard zones (generated)"));
        GENERATED_LAYERS.forEach(layer -> sources.record(layer, new DataSource(titles.get(layer), generatedAttribution, true)));
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        // The table names are this class's own constants, never input.
        TABLES.forEach(table -> counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class)));
        return counts;
    }
}
