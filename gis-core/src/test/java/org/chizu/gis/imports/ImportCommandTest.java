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

    @Test
    void aDryRunSaysWhichLayoutItRecognisedAndShowsTheMappingAndTheFirstRowsWritingNothing(@TempDir Path folder) throws Exception {
        Path sites = Files.writeString(folder.resolve("32000_2.csv"), """
                NO,共通ID,施設・場所名,住所,洪水,崖崩れ、土石流及び地滑り,高潮,地震,津波,大規模な火事,内水氾濫,火山現象,指定避難所との住所同一,緯度,経度,備考
                83688,E3220400001201,益田中学校　（グラウンド）,島根県益田市栄町14-6,1,1,,1,,1,1,,1,34.67454,131.834324,
                """);
        int before = fixture.count("facilities");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exitCode = command.run(List.of(sites.toString(), "--layer", "facilities", "--dry-run"),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exitCode).isZero();
        assertThat(fixture.count("facilities")).isEqualTo(before);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("read as layout gsi-emergency-evacuation-sites: 国土地理院 指定緊急避難場所データ "
                        + "(GSI designated emergency evacuation sites), recognised from its columns\n"
                        + "dry run: 1 feature would go into facilities (from EPSG:6668, read as UTF-8); nothing was written\n"
                        + "columns:\n")
                .contains("  崖崩れ、土石流及び地滑り → for_landslide\n")
                .contains("  NO → not imported (国土地理院の通し番号")
                .contains("  (layout) → kind (set to emergency_evacuation_site by layout gsi-emergency-evacuation-sites)\n")
                .contains("first rows as they would be stored:\n  {kind=emergency_evacuation_site, name=益田中学校　（グラウンド）");
    }

    @Test
    void anImportFromTheCommandLineIsInTheAuditLogAsTheOperatingSystemUser() throws Exception {
        command.run(List.of(ImportFixture.resource("shelters-sjis.csv").toString(), "--layer", "facilities", "--encoding", "SJIS"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(fixture.jdbc.queryForMap("""
                select actor, address, target, details->>'file' as file, details->>'features' as features
                from audit_log where action = 'layer.import' order by id desc limit 1"""))
                .containsEntry("actor", System.getProperty("user.name"))
                .containsEntry("address", "command line")
                .containsEntry("target", "layer facilities")
                .containsEntry("file", "shelters-sjis.csv")
                .containsEntry("features", "2");
    }

    @Test
    void pointsOutsideEveryServedMunicipalityAreRefusedUnlessAllowedOutside(@TempDir Path folder) throws Exception {
        Path halls = Files.writeString(folder.resolve("halls.csv"), """
                名称,種別,経度,緯度
                市民会館,指定避難所,133.05,35.46
                ニューヨーク会館,hall,-74.006,40.7128
                """);
        fixture.jdbc.update("""
                insert into municipalities (code, name_ja, name_en, geom)
                values ('32201', '松江市', 'Matsue', st_multi(st_makeenvelope(132.9, 35.3, 133.2, 35.6, 6668)))""");
        try {
            int before = fixture.count("facilities");
            PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

            assertThatThrownBy(() -> command.run(List.of(halls.toString(), "--layer", "facilities"), quiet))
                    .isInstanceOf(ImportRejectedException.class)
                    .hasMessageContaining("1 of 2 features lie outside every municipality this platform serves (line 3)")
                    .hasMessageContaining("--allow-outside");
            assertThat(fixture.count("facilities")).isEqualTo(before);

            assertThat(command.run(List.of(halls.toString(), "--layer", "facilities", "--allow-outside"), quiet)).isZero();
            assertThat(fixture.count("facilities")).isEqualTo(before + 2);
        } finally {
            fixture.jdbc.update("delete from municipalities");
        }
    }
}
