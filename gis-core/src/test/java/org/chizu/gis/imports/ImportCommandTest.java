package org.chizu.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ImportCommandTest {

    static ImportFixture fixture;
    static ImportCommand command;

    @BeforeAll
    static void database() {
        fixture = new ImportFixture();
        command = new ImportCommand(fixture.importer);
    }

    @Test
    void reportsWhatWasImportedFromWhereAndWhichColumnsWereIgnored() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exitCode = command.run(List.of(ImportFixture.resource("shelters-sjis.csv").toString(),
                "--layer", "facilities", "--encoding", "SJIS", "--srs", "EPSG:6668", "--replace"),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                imported 2 features into facilities (from EPSG:6668, read as Shift_JIS), replacing its features
                ignored fields that match no attribute: 備考
                """);
    }

    @Test
    void aMissingLayerOptionIsAUsageError() {
        assertThatThrownBy(() -> command.run(List.of(ImportFixture.resource("shelters-sjis.csv").toString()), System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--layer is required");
    }
}
