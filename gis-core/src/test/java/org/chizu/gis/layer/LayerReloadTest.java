package org.chizu.gis.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chizu.platform.testing.TestDatabase;
import org.chizu.platform.Audience;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The registry swaps its whole set of declarations on reload, or keeps the previous one. */
class LayerReloadTest {

    /** A module's own section, as a booking module would declare it. */
    record Booking(int maxDays, String contact) implements LayerSection {
        @Override
        public List<String> problemsWith(Layer layer) {
            return maxDays > 0 ? List.of() : List.of("maxDays must be positive");
        }
    }

    static final JdbcTemplate JDBC = new JdbcTemplate(TestDatabase.migrated().dataSource());

    @TempDir
    Path folder;
    final List<LayersChanged> heard = new ArrayList<>();
    LayerRegistry registry;

    @BeforeEach
    void start() {
        JDBC.execute("""
                create table if not exists huts (id bigint primary key, name text, geom geometry(Point, 6668),
                    geom_3857 geometry(Point, 3857) generated always as (st_transform(geom, 3857)) stored)""");
        LayerDeclarations files = new LayerDeclarations(new LayerProperties(folder));
        StoredLayerDeclarations stored = new StoredLayerDeclarations(JDBC,
                new TransactionTemplate(new DataSourceTransactionManager(JDBC.getDataSource())));
        registry = new LayerRegistry(files, stored, JDBC, event -> heard.add((LayersChanged) event),
                List.of(new LayerSectionType<>("booking", Booking.class)));
    }

    @Test
    void aDeclarationAddedChangedAndRemovedInTheFolderIsAddedChangedAndRemovedOnReload() throws IOException {
        write("huts", "山小屋");
        assertThat(registry.reload()).isTrue();
        assertThat(registry.require("huts", Audience.PUBLIC).title().ja()).isEqualTo("山小屋");

        write("huts", "避難小屋");
        registry.reload();
        assertThat(registry.require("huts", Audience.PUBLIC).title().ja()).isEqualTo("避難小屋");

        Files.delete(folder.resolve("huts.yml"));
        registry.reload();
        assertThat(registry.find("huts")).isEmpty();

        assertThat(heard).extracting(LayersChanged::toString).containsExactly(
                "added [huts], changed [], removed []", "added [], changed [huts], removed []", "added [], changed [], removed [huts]");
    }

    @Test
    void aBrokenDeclarationIsRefusedWholeAndThePreviousLayersStay() throws IOException {
        write("huts", "山小屋");
        registry.reload();
        heard.clear();

        Files.writeString(folder.resolve("huts.yml"), declaration("huts", "壊れた") + "attributes: [{name: height, type: integer, label: {ja: 高さ}}]\n");
        Files.writeString(folder.resolve("other.yml"), declaration("other", "別").replace("table: other", "table: huts"));

        assertThat(registry.reload()).isFalse();
        assertThat(registry.require("huts", Audience.PUBLIC).title().ja()).isEqualTo("山小屋");
        assertThat(registry.find("other")).isEmpty();
        assertThat(heard).isEmpty();
    }

    @Test
    void aModulesSectionIsReadWithItsOwnTypeAndAWrongOneIsRefusedNamingTheField() throws IOException {
        Files.writeString(folder.resolve("huts.yml"), declaration("huts", "山小屋")
                + "booking: {maxDays: 3, contact: 観光課}\nwinter: {closed: true}\n");
        registry.reload();
        Layer huts = registry.find("huts").orElseThrow();
        assertThat(huts.section("booking", Booking.class)).hasValue(new Booking(3, "観光課"));
        assertThat(huts.sections().names()).containsExactlyInAnyOrder("booking", "winter");

        Files.writeString(folder.resolve("huts.yml"), declaration("huts", "山小屋") + "booking: {maxDays: 0}\n");
        assertThat(registry.reload()).isFalse();

        assertThatThrownBy(() -> registry.store(declaration("cabins", "小屋") + "booking: {maxDays: many}\n", "test"))
                .isInstanceOfSatisfying(InvalidLayerDeclarationException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.field()).isEqualTo("booking.maxDays");
                });
    }

    @Test
    void aLayerTheApplicationDeclaresCannotBeReplacedOrRemovedOverTheApi() {
        assertThatThrownBy(() -> registry.remove("roads")).isInstanceOf(LayerNotChangeableException.class)
                .hasMessageContaining("layers/20-roads.yml");
        assertThatThrownBy(() -> registry.store(declaration("roads", "道路"), "test")).isInstanceOf(LayerNotChangeableException.class);
        assertThatThrownBy(() -> registry.remove("nothing")).isInstanceOf(UnknownLayerException.class);
    }

    private void write(String id, String title) throws IOException {
        Files.writeString(folder.resolve(id + ".yml"), declaration(id, title));
    }

    static String declaration(String id, String title) {
        return """
                id: %s
                title: {ja: %s, en: Huts}
                table: huts
                geometry: {column: geom, kind: Point, srid: 6668}
                access: public
                licence: {id: CC-BY-4.0, title: {ja: CC BY 4.0}, url: https://creativecommons.org/licenses/by/4.0/}
                """.formatted(id, title);
    }
}
