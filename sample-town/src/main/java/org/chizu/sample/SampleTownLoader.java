package org.chizu.sample;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.chizu.gis.layer.DataSource;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerSources;
import org.chizu.gis.layer.changes.LayerChanges;
import org.chizu.gis.municipalities.Municipalities;
import org.chizu.platform.Label;
import org.chizu.forestry.laser.LaserArchive;
import org.chizu.forestry.products.SurveyProducts;
import org.chizu.sensors.MultiObservations;
import org.chizu.sensors.Observations;
import org.chizu.sensors.SensorThings;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the sample town around Masuda (益田市) and Yasugi (安来市): the real municipal boundaries
 * and shelters shipped with this module ({@link PublicDataFile}), loaded as a real town's are,
 * generated roads, forests, water pipes and hazard zones laid out on them, and sensors on its slopes
 * and rivers and a weather station at a 公民館, with a quiet day of readings ({@link SampleSensors}).
 * <p>
 * The town is loaded at most once: only into a database whose layer tables and municipalities
 * are all empty, and in one transaction, so a failure leaves nothing behind. Generated data is
 * the same on every run and is marked as sample data in each layer's sources.
 */
@Service
public class SampleTownLoader {

    private static final Logger log = LoggerFactory.getLogger(SampleTownLoader.class);

    private static final List<String> GENERATED_LAYERS = List.of("roads", "forests", "water_pipes", "hazard_zones");
    /** The layers the sample town fills, in the order they are reported. */
    private static final List<String> LAYERS = Stream.concat(Stream.of("facilities"), GENERATED_LAYERS.stream()).toList();
    /** Serialises concurrent start-ups against one database (pg_advisory_xact_lock key). */
    private static final long LOCK_KEY = 0x43_68_69_7a_75_53_54L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LayerSources sources;
    private final LayerChanges changes;
    private final Municipalities municipalities;
    private final PublicGeography publicGeography;
    private final SensorThings sensorThings;
    private final Observations observations;
    private final MultiObservations multiObservations;
    private final SampleLaserSurvey laserSurvey;

    SampleTownLoader(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LayerSources sources,
                     LayerChanges changes, Municipalities municipalities, PublicGeography publicGeography,
                     SensorThings sensorThings, Observations observations, MultiObservations multiObservations,
                     LaserArchive laserArchive, SurveyProducts surveyProducts) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.sources = sources;
        this.changes = changes;
        this.municipalities = municipalities;
        this.publicGeography = publicGeography;
        this.sensorThings = sensorThings;
        this.observations = observations;
        this.multiObservations = multiObservations;
        this.laserSurvey = new SampleLaserSurvey(jdbc, municipalities, laserArchive, surveyProducts);
    }

    /**
     * Loads the sample town unless the database already holds data, and logs what it did in one line.
     *
     * @return what was loaded, or the counts found when nothing was
     */
    public LoadReport load() {
        long started = System.nanoTime();
        LoadReport report = transactions.execute(status -> {
            jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK_KEY);
            // The planner overrates the set-returning geometry functions and would JIT-compile
            // each of the many small statements, which takes far longer than running them.
            jdbc.execute("set local jit = off");
            Map<String, Long> before = counts();
            if (before.values().stream().anyMatch(count -> count > 0)) {
                return new LoadReport(false, before);
            }
            publicGeography.load();
            generate();
            recordSources();
            // The imports announced the shelters themselves.
            GENERATED_LAYERS.forEach(layer -> changes.publishOnCommit(LayerDataChanged.wholeLayer(layer)));
            return new LoadReport(true, counts());
        });
        if (report.loaded()) {
            // Files and rasters cannot roll back with the transaction, so the survey flies after it.
            laserSurvey.fly();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (report.loaded()) {
            log.info("sample town loaded in {} ms (boundaries: 国土数値情報, shelters: 国土地理院; "
                    + "roads, forests, water pipes, hazard zones, sensors and a laser survey generated, marked sample): {}", millis, report.counts());
        } else {
            log.info("sample town: the database already holds data ({}); reusing it, nothing loaded", report.counts());
        }
        return report;
    }

    private void generate() {
        TownGeography ground = new TownGeography(jdbc);
        Map<Town, List<Shelter>> shelters = new LinkedHashMap<>();
        Map<Town, LonLat> centres = new LinkedHashMap<>();
        for (Town town : Town.ALL) {
            Geometry boundary = municipalities.boundary(town.code()).orElseThrow();
            shelters.put(town, publicGeography.sheltersWithin(boundary));
            centres.put(town, TownCentre.of(shelters.get(town)));
            ground.prepare(town, centres.get(town), boundary);
        }
        RoadNetworkGenerator roads = new RoadNetworkGenerator(jdbc);
        centres.forEach((town, centre) -> roads.generate(town, centre, shelters.get(town)));
        ForestGenerator forests = new ForestGenerator(jdbc);
        Town.ALL.forEach(forests::generate);
        WaterPipeGenerator pipes = new WaterPipeGenerator(jdbc);
        Town.ALL.forEach(pipes::generate);
        HazardZoneGenerator hazards = new HazardZoneGenerator(jdbc);
        Town.ALL.forEach(town -> hazards.generate(town, shelters.get(town)));
        new SampleSensors(jdbc, sensorThings, observations, multiObservations).place(Instant.now());
    }

    /** The generated layers are laid out on the real boundaries, so they carry the boundaries' attribution too. */
    private void recordSources() {
        sources.record("municipalities", real(PublicDataFile.Source.MLIT_BOUNDARIES));
        sources.record("facilities", real(PublicDataFile.Source.GSI_SHELTERS));
        Map<String, Label> titles = Map.of(
                "roads", new Label("サンプル道路台帳（生成データ）", "Sample road ledger (generated)"),
                "forests", new Label("サンプル森林簿（生成データ）", "Sample forest register (generated)"),
                "water_pipes", new Label("サンプル水道管路（生成データ）", "Sample water mains (generated)"),
                "hazard_zones", new Label("サンプルハザード区域（生成データ）", "Sample hazard zones (generated)"));
        GENERATED_LAYERS.forEach(layer -> sources.record(layer, new DataSource(titles.get(layer),
                PublicDataFile.Source.MLIT_BOUNDARIES.attribution(), true)));
    }

    private static DataSource real(PublicDataFile.Source source) {
        return new DataSource(source.title(), source.attribution(), false);
    }

    /** The municipalities served and the rows of each layer the sample town fills. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("municipalities", (long) municipalities.all().size());
        // The layer tables are this class's own constants, never input.
        LAYERS.forEach(layer -> counts.put(layer, jdbc.queryForObject("select count(*) from " + layer, Long.class)));
        counts.put("sensor things", sensorThings.read("Things", Map.of("$count", "true", "$top", "0")).path("@iot.count").asLong());
        return counts;
    }
}
