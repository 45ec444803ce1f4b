package org.chizu.gis.layer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.chizu.gis.layer.LayerDeclaration.Origin;
import org.chizu.platform.Audience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one place layers are declared. Declarations come from the application, the town's folder
 * and the database (stored by admins); they are checked against the database (tables, columns,
 * geometry type and SRID) and against the modules' sections, and handed out as immutable
 * {@link Layer}s. The tile server, the feature API, downloads and the catalog only read them.
 *
 * <p>The registry holds one immutable set, swapped whole: {@link #reload()} reads every declaration
 * again and either swaps in the new set and then publishes {@link LayersChanged}, or, when any
 * declaration cannot be taken, keeps the previous set and logs why. Readers never see half a set.
 * At start-up a declaration that cannot be taken stops the application instead.
 */
@Service
public class LayerRegistry {

    private static final Logger log = LoggerFactory.getLogger(LayerRegistry.class);

    private final LayerDeclarations files;
    private final StoredLayerDeclarations stored;
    private final LayerSchemaCheck schema;
    private final ApplicationEventPublisher events;
    private final List<LayerSectionType<?>> sectionTypes;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    /** One set of declarations by layer id, in declaration order, with each layer's position in it. */
    private record Snapshot(Map<String, LayerDeclaration> declarations, Map<String, Layer> layers, Map<String, Integer> positions) {

        static Snapshot of(List<LayerDeclaration> declared) {
            Map<String, LayerDeclaration> declarations = new LinkedHashMap<>();
            Map<String, Layer> layers = new LinkedHashMap<>();
            Map<String, Integer> positions = new HashMap<>();
            for (LayerDeclaration declaration : declared) {
                declarations.put(declaration.layer().id(), declaration);
                layers.put(declaration.layer().id(), declaration.layer());
                positions.put(declaration.layer().id(), positions.size());
            }
            return new Snapshot(declarations, layers, positions);
        }
    }

    @Autowired
    public LayerRegistry(LayerDeclarations files, StoredLayerDeclarations stored, JdbcTemplate jdbc,
            ApplicationEventPublisher events, ObjectProvider<LayerSectionType<?>> sectionTypes) {
        this(files, stored, jdbc, events, sectionTypes.orderedStream().toList());
    }

    LayerRegistry(LayerDeclarations files, StoredLayerDeclarations stored, JdbcTemplate jdbc,
            ApplicationEventPublisher events, List<LayerSectionType<?>> sectionTypes) {
        this.files = files;
        this.stored = stored;
        this.schema = new LayerSchemaCheck(jdbc);
        this.events = events;
        this.sectionTypes = List.copyOf(sectionTypes);
        current.set(checked(readAll()));
        log.info("layer registry: {}", current.get().layers().keySet());
    }

    /** A registry of the application's and the folder's declarations for code outside Spring (tests, tools). */
    public LayerRegistry(LayerDeclarations files, JdbcTemplate jdbc) {
        this(files, new StoredLayerDeclarations(jdbc, new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))),
                jdbc, event -> { }, List.of());
    }

    /** Every declared layer, in declaration order, whoever may see it. */
    public Collection<Layer> all() {
        return current.get().layers().values();
    }

    /** The layers the audience may see, in declaration order. */
    public List<Layer> visibleTo(Audience audience) {
        return all().stream().filter(layer -> layer.isVisibleTo(audience)).toList();
    }

    /** The layer with this id, whoever may see it. */
    public Optional<Layer> find(String id) {
        return Optional.ofNullable(current.get().layers().get(id));
    }

    /** The declaration of the layer with this id: the layer and where it is declared. */
    public Optional<LayerDeclaration> declaration(String id) {
        return Optional.ofNullable(current.get().declarations().get(id));
    }

    /** Where the layer stands in declaration order (0 first); after every declared layer when it is not declared. */
    public int position(Layer layer) {
        return current.get().positions().getOrDefault(layer.id(), Integer.MAX_VALUE);
    }

    /**
     * The layer with this id if the audience may see it. A layer the audience may not see is
     * reported exactly like one that does not exist, so its existence is not given away.
     *
     * @throws UnknownLayerException when there is no such layer for this audience
     */
    public Layer require(String id, Audience audience) {
        return find(id).filter(layer -> layer.isVisibleTo(audience))
                .orElseThrow(() -> new UnknownLayerException(id));
    }

    /**
     * Reads every declaration again and swaps the new set in whole, then publishes what changed.
     * When any declaration cannot be taken, nothing changes and the reason is logged.
     *
     * @return false when the new declarations were refused
     */
    public synchronized boolean reload() {
        Snapshot next;
        try {
            next = checked(readAll());
        } catch (InvalidLayerDeclarationException e) {
            log.error("layer declarations changed but cannot be taken; the previous {} layers stay:\n  - {}",
                    current.get().layers().size(), String.join("\n  - ", e.problems()));
            return false;
        }
        Snapshot previous = current.getAndSet(next);
        LayersChanged change = LayersChanged.between(previous.layers(), next.layers());
        if (!change.isEmpty()) {
            log.info("layer registry reloaded: {}", change);
            events.publishEvent(change);
        }
        return true;
    }

    /**
     * Stores an admin's declaration (YAML or JSON), adding a layer or replacing one stored before,
     * once it reads and matches the database; every process then reloads, this one before returning.
     *
     * @return the declaration as now in force, and whether it added a layer (or replaced one)
     * @throws InvalidLayerDeclarationException when it does not read or does not match the database
     * @throws LayerNotChangeableException when the application or the town's folder declares that layer
     */
    public synchronized Stored store(String text, String declaredBy) {
        Layer layer = files.parse(text, "the declaration sent");
        LayerDeclaration existing = current.get().declarations().get(layer.id());
        if (existing != null && existing.origin() != Origin.STORED) {
            throw new LayerNotChangeableException(existing);
        }
        sectionProblemsOf(layer, true);
        LayerDeclaration candidate = new LayerDeclaration(layer, Origin.STORED, "layer_declaration " + layer.id());
        List<LayerDeclaration> all = new ArrayList<>(current.get().declarations().values());
        all.removeIf(declaration -> declaration.layer().id().equals(layer.id()));
        all.add(candidate);
        checked(all);
        stored.store(layer.id(), text, declaredBy);
        reload();
        return new Stored(declaration(layer.id()).orElse(candidate), existing == null);
    }

    /** What {@link #store} did: the declaration in force and whether it added the layer. */
    public record Stored(LayerDeclaration declaration, boolean added) {
    }

    /**
     * Removes a declaration an admin stored; every process then reloads, this one before returning.
     *
     * @throws UnknownLayerException when no layer has this id
     * @throws LayerNotChangeableException when the application or the town's folder declares it
     */
    public synchronized void remove(String layerId) {
        LayerDeclaration existing = declaration(layerId).orElseThrow(() -> new UnknownLayerException(layerId));
        if (existing.origin() != Origin.STORED) {
            throw new LayerNotChangeableException(existing);
        }
        stored.remove(layerId);
        reload();
    }

    /** Tells every other process to reload, after this one reloaded for a change only it could see (its folder). */
    void announceReload() {
        stored.announce();
    }

    private List<LayerDeclaration> readAll() {
        List<LayerDeclaration> all = new ArrayList<>(files.read());
        all.addAll(stored.read(files));
        return all;
    }

    /**
     * The declarations as a set, once each id is declared once, every claimed section reads and
     * checks out, and every layer matches the database.
     */
    private Snapshot checked(List<LayerDeclaration> declarations) {
        List<String> problems = new ArrayList<>();
        Map<String, LayerDeclaration> seen = new HashMap<>();
        for (LayerDeclaration declaration : declarations) {
            LayerDeclaration twin = seen.putIfAbsent(declaration.layer().id(), declaration);
            if (twin != null) {
                problems.add("layer " + declaration.layer().id() + " is declared twice: in " + twin.source()
                        + " and in " + declaration.source());
            }
            problems.addAll(sectionProblemsOf(declaration.layer(), false).stream()
                    .map(problem -> problem + " (in " + declaration.source() + ")").toList());
        }
        if (problems.isEmpty()) {
            problems.addAll(schema.problemsOf(declarations.stream().map(LayerDeclaration::layer).toList()));
        }
        if (!problems.isEmpty()) {
            throw InvalidLayerDeclarationException.refused(problems);
        }
        return Snapshot.of(declarations);
    }

    /**
     * What is wrong in the sections the modules claim; sections no module claims are logged.
     *
     * @param throwFirst throw the first problem, naming its field, instead of returning it
     */
    private List<String> sectionProblemsOf(Layer layer, boolean throwFirst) {
        List<String> problems = new ArrayList<>();
        for (String name : layer.sections().names()) {
            List<LayerSectionType<?>> claims = sectionTypes.stream().filter(type -> type.name().equals(name)).toList();
            if (claims.isEmpty()) {
                log.warn("layer {}: no module of this application reads the section '{}'", layer.id(), name);
            }
            for (LayerSectionType<?> type : claims) {
                try {
                    Object section = layer.section(name, type.type()).orElseThrow();
                    if (section instanceof LayerSection checked) {
                        checked.problemsWith(layer).forEach(problem -> {
                            if (throwFirst) {
                                throw InvalidLayerDeclarationException.inField("the declaration sent", name, problem);
                            }
                            problems.add("layer " + layer.id() + ": " + name + " " + problem);
                        });
                    }
                } catch (LayerSections.SectionException e) {
                    if (throwFirst) {
                        throw InvalidLayerDeclarationException.inField("the declaration sent", name + e.path, "is invalid: " + e.getMessage());
                    }
                    problems.add("layer " + layer.id() + ": " + name + e.path + " is invalid: " + e.getMessage());
                }
            }
        }
        return problems;
    }
}
