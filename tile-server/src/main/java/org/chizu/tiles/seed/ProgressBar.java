package org.chizu.tiles.seed;

import java.io.PrintStream;

/**
 * Shows how far a long run has got. On a terminal it is one bar redrawn in place with a carriage
 * return, {@code [#########-----------]  45%  1234/2744 tiles}, and only when the shown percentage
 * changes, so a long run prints at most a hundred updates. Without a terminal (a log file, CI output)
 * carriage returns would pile up as junk, so it prints a plain line, {@code  40%  1098/2744 tiles},
 * at the start, at every tenth of the way and at the end.
 */
final class ProgressBar {

    private static final int WIDTH = 40;
    /** Without a terminal, a line each time progress passes another multiple of this percentage. */
    private static final int PLAIN_LINE_EVERY_PERCENT = 10;

    private final PrintStream out;
    private final long total;
    private final String unit;
    private final boolean terminal;
    private long done;
    private int shownPercent = -1;

    /**
     * A progress bar on standard error, drawn in place only if standard error is a terminal. The
     * launcher tests that itself and says so in {@code chizu.stderr-terminal}, since Java 21 cannot
     * (JDK 22 brought {@code Console.isTerminal}). Without the launcher, {@code System.console()}
     * stands in: it is null when input or output is redirected (scripts, CI), though not when only
     * standard error is.
     */
    static ProgressBar onStandardError(long total, String unit) {
        String launcherSays = System.getProperty("chizu.stderr-terminal");
        boolean terminal = launcherSays != null ? Boolean.parseBoolean(launcherSays) : System.console() != null;
        return new ProgressBar(System.err, total, unit, terminal);
    }

    /** @param terminal whether {@code out} is a terminal, where the bar can be redrawn in place */
    ProgressBar(PrintStream out, long total, String unit, boolean terminal) {
        this.out = out;
        this.total = total;
        this.unit = unit;
        this.terminal = terminal;
        showIfDue();
    }

    void step() {
        done++;
        showIfDue();
    }

    /** Ends the bar's line so that later output starts below it; plain lines are already ended. */
    void finish() {
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    private void showIfDue() {
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        // 100 % is a multiple of the plain step too, so the last plain line is always the finished count.
        boolean due = shownPercent < 0 || (terminal
                ? percent != shownPercent
                : percent / PLAIN_LINE_EVERY_PERCENT > shownPercent / PLAIN_LINE_EVERY_PERCENT);
        if (!due) {
            return;
        }
        shownPercent = percent;
        String status = "%3d%%  %d/%d %s".formatted(percent, done, total, unit);
        if (terminal) {
            int filled = percent * WIDTH / 100;
            out.print("\r[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + status);
        } else {
            out.println(status);
        }
        out.flush();
    }
}
