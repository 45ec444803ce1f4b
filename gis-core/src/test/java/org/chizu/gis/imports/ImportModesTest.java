package org.chizu.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.data.Offset;
import org.chizu.gis.imports.ImportRequest.Mode;
import org.chizu.gis.layer.LayerDataChanged;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportModesTest {

    static ImportFixture fixture;

    @BeforeAll
    static void database() {
        fixture = new ImportFixture();
    }

    @BeforeEach
    void emptyLayers() {
        fixture.jdbc.execute("truncate roads, facilities");
        fixture.published.clear();
    }

    @Test
    void appendAddsReplaceReplacesAndEachPublishesTheChange() throws Exception {
        ImportRequest shelters = ImportRequest.of("facilities", "shelters-sjis.csv");

        fixture.importResource(shelters);
        fixture.importResource(shelters.withMode(Mode.APPEND));
        assertThat(fixture.count("facilities")).isEqualTo(4);

        fixture.importResource(shelters.withMode(Mode.REPLACE));
        assertThat(fixture.count("facilities")).isEqualTo(2);

        assertThat(fixture.published).hasSize(3);
        LayerDataChanged appended = fixture.published.get(0);
        assertThat(appended.layerId()).isEqualTo("facilities");
        // PostGIS keeps extents in single precision: a few millimetres of slack.
        Offset<Double> slack = Offset.offset(1e-5);
        assertThat(appended.bounds().minLon()).isCloseTo(133.0486, slack);
        assertThat(appended.bounds().minLat()).isCloseTo(35.4681, slack);
        assertThat(appended.bounds().maxLon()).isCloseTo(133.0552, slack);
        assertThat(appended.bounds().maxLat()).isCloseTo(35.4783, slack);
        assertThat(fixture.published.get(2)).isEqualTo(LayerDataChanged.wholeLayer("facilities"));
    }

    @Test
    void importsInsideTheCallersTransactionCommitOrRollBackWithIt() {
        ImportRequest shelters = ImportRequest.of("facilities", "shelters-sjis.csv");
        fixture.transactions.executeWithoutResult(transaction -> {
            importTwice(shelters);
            transaction.setRollbackOnly();
        });
        assertThat(fixture.count("facilities")).isZero();

        fixture.transactions.executeWithoutResult(transaction -> importTwice(shelters));
        assertThat(fixture.count("facilities")).isEqualTo(4);
    }

    private static void importTwice(ImportRequest request) {
        try {
            fixture.importResource(request);
            fixture.importResource(request);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRejectedReplacementLeavesTheLayerAsItWasAndPublishesNothing() throws Exception {
        fixture.importResource(ImportRequest.of("roads", "roads-zone3.geojson"));
        fixture.published.clear();

        ImportRejectedException rejected = catchThrowableOfType(ImportRejectedException.class,
                () -> fixture.importResource(ImportRequest.of("roads", "roads-broken-width.csv").withMode(Mode.REPLACE)));

        assertThat(rejected.problemCount()).isEqualTo(1);
        assertThat(fixture.count("roads")).isEqualTo(2);
        assertThat(fixture.published).isEmpty();
    }
}
