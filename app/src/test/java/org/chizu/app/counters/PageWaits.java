package org.chizu.app.counters;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Waiting on the counters' pages, which redraw what they show from live events (an element read may be replaced meanwhile). */
final class PageWaits {

    private PageWaits() {
    }

    static WebDriverWait waitOn(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** The text of the first element found, or "" when there is none or it was just redrawn. */
    static String text(WebDriver driver, By where) {
        try {
            var found = driver.findElements(where);
            return found.isEmpty() ? "" : found.getFirst().getText();
        } catch (StaleElementReferenceException redrawn) {
            return "";
        }
    }
}
