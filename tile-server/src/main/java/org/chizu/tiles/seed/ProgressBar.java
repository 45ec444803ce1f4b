package org.chizu.tiles.seed;

import java.io.PrintStream;

/**
 * A one-line progress bar for a terminal: {@code [#########-----------]  45%  1234/2744 tiles}.
 * Redrawn in place with a carriage return, and only when the shown percentage changes, so a long
 * run prints at most a hundred updates.
 */
final class ProgressBar {

    private static final int WIDTH = 40;

    private final PrintStream out;
    private final long total;
    private final String unit;
    private long done;
    private int shownPercent = -1;

    ProgressBar(PrintStream out, long total, String unit) {
        this.out = out;
        this.total = total;
        this.unit = unit;
        draw();
    }

    void step() {
        done++;
        draw();
    }

    /** Ends the line so that later output starts below the bar. */
    void finish() {
        out.println();
        out.flush();
    }

    private void draw() {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        if (percent == shownPercent) {
            return;
        }
        shownPercent = percent;
        int filled = percent * WIDTH / 100;
        out.printf("\r[%s%s] %3d%%  %d/%d %s", "#".repeat(filled), "-".repeat(WIDTH - filled), percent, done, total, unit);
        out.flush();
    }
}
