package org.chizu.tiles.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What an operator sees of a seeding run, on a terminal and in a log. */
class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void withoutATerminalProgressIsPlainLinesWithoutCarriageReturns() {
        run(new ProgressBar(out, 1000, "tiles", false), 1000);

        assertThat(shown()).doesNotContain("\r").isEqualTo("""
                  0%  0/1000 tiles
                 10%  100/1000 tiles
                 20%  200/1000 tiles
                 30%  300/1000 tiles
                 40%  400/1000 tiles
                 50%  500/1000 tiles
                 60%  600/1000 tiles
                 70%  700/1000 tiles
                 80%  800/1000 tiles
                 90%  900/1000 tiles
                100%  1000/1000 tiles
                """);
    }

    @Test
    void withoutATerminalARunOfFewTilesStillEndsWithTheFinishedCount() {
        run(new ProgressBar(out, 3, "tiles", false), 3);

        assertThat(shown()).isEqualTo("""
                  0%  0/3 tiles
                 33%  1/3 tiles
                 66%  2/3 tiles
                100%  3/3 tiles
                """);
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceOncePerPercentAndEndsItsLine() {
        run(new ProgressBar(out, 2744, "tiles", true), 2744);

        String shown = shown();
        assertThat(shown.chars().filter(c -> c == '\r').count()).as("redraws, 0 %% to 100 %%").isEqualTo(101);
        assertThat(shown).endsWith("\r[" + "#".repeat(40) + "] 100%  2744/2744 tiles\n")
                .containsOnlyOnce("\n");
        assertThat(shown).contains("\r[" + "#".repeat(18) + "-".repeat(22) + "]  45%  1235/2744 tiles\r");
    }

    @Test
    void anEmptyRunIsShownFinishedAtOnce() {
        run(new ProgressBar(out, 0, "tiles", false), 0);

        assertThat(shown()).isEqualTo("100%  0/0 tiles\n");
    }

    private static void run(ProgressBar progress, long steps) {
        for (long i = 0; i < steps; i++) {
            progress.step();
        }
        progress.finish();
    }

    private String shown() {
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }
}
