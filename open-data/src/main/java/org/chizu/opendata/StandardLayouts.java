package org.chizu.opendata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.chizu.gis.layer.Layer;
import org.chizu.gis.layer.LayerSection;
import org.chizu.gis.layer.LayerSectionType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Open-data's section {@code standards:} of a layer declaration: the standard table layouts the
 * layer also downloads in. gis-core keeps the section as written; the registry reads it through
 * {@link #SECTION_TYPE} when it loads the layer and refuses a declaration whose layouts name
 * attributes or values the layer does not have.
 *
 * @param all the layouts, in declaration order, each id once
 */
public record StandardLayouts(List<StandardDataset> all) implements LayerSection {

    public static final String SECTION = "standards";

    /** A declaration's section is a list of layouts. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public StandardLayouts(List<StandardDataset> all) {
        this.all = List.copyOf(all == null ? List.of() : all);
    }

    /** The layer's standard layouts; none when it declares none. */
    public static List<StandardDataset> of(Layer layer) {
        return layer.section(SECTION, StandardLayouts.class).map(StandardLayouts::all).orElse(List.of());
    }

    /** The layer's standard layout with this id, if it declares one. */
    public static Optional<StandardDataset> find(Layer layer, String standardId) {
        return of(layer).stream().filter(s -> s.id().equals(standardId)).findFirst();
    }

    @Override
    public List<String> problemsWith(Layer layer) {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (StandardDataset standard : all) {
            if (!ids.add(standard.id())) {
                problems.add("standard " + standard.id() + " is declared twice");
            }
            problems.addAll(standard.problemsWith(layer.attributes()));
        }
        return problems;
    }

    /** Tells the registry that open-data reads {@code standards}. */
    @Configuration(proxyBeanMethods = false)
    static class Section {

        @Bean
        static LayerSectionType<StandardLayouts> standardLayoutsSection() {
            return new LayerSectionType<>(SECTION, StandardLayouts.class);
        }
    }
}
