package org.chizu.gis.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void aLedgerWithSurveyColumnsSaysWhichOrderWasAssumedAndHowToGiveTheOther(@TempDir Path folder) throws Exception {
        Path ledger = Files.writeString(folder.resolve("ledger.csv"), """
                名称,種別,X座標,Y座標
                益田市役所,庁舎・支所,-146975.345,-29678.811
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        command.run(List.of(ledger.toString(), "--layer", "facilities", "--srs", "EPSG:6671"),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("read columns X座標/Y座標 as north-east "
                + "(X座標 holds the northing, as Japanese surveys in a plane rectangular zone); "
                + "if not, give axis order east-north (--axis-order east-north)\n");
    }

    @Test
    void aMissingLayerOptionIsAUsageError() {
        assertThatThrownBy(() -> command.run(List.of(ImportFixture.resource("shelters-sjis.csv").toString()), System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--layer is required");
    }

    @Test
    void anUnknownAxisOrderIsAUsageErrorNamingTheTwoOrders() {
        assertThatThrownBy(() -> command.run(List.of(ImportFixture.resource("shelters-sjis.csv").toString(),
                "--layer", "facilities", "--axis-order", "xy"), System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown axis order 'xy': use north-east");
    }
}
