package org.chizu.app.jobs;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a test reads from the jobs list that /jobs and /staff/jobs share (platform/jobs.js). */
final class JobListInBrowser {

    private JobListInBrowser() {
    }

    /** The list redraws changed rows as jobs change, so an element found a moment ago may be gone: look again. */
    static WebDriverWait waitFor(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(NullPointerException.class);
        return wait;
    }

    static List<WebElement> rows(WebDriver browser) {
        return browser.findElements(By.cssSelector("#jobs tr[data-job]"));
    }

    /** The ids of the jobs listed, read at once (the rows may be redrawn between two reads). */
    @SuppressWarnings("unchecked")
    static List<String> jobIds(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#jobs tr[data-job]')].map(tr => tr.dataset.job)");
    }

    /** The job's row once it shows {@code state}, else null (to wait for). */
    static WebElement row(WebDriver browser, long id, String state) {
        return browser.findElements(By.cssSelector("#jobs tr[data-job='" + id + "'][data-state='" + state + "']"))
                .stream().findFirst().orElse(null);
    }

    /** The job's row once it runs and has made some progress, else null. */
    static WebElement rowWithProgress(WebDriver browser, long id) {
        WebElement row = row(browser, id, "running");
        return row != null && progressOf(row) > 0 ? row : null;
    }

    static String textOf(WebElement row) {
        return row == null ? null : row.getText();
    }

    static Integer progressOf(WebElement row) {
        return row == null ? null : Integer.valueOf(row.findElement(By.tagName("progress")).getAttribute("value"));
    }

    /** How the list learns of changes: "live" (following its events), "polling", "connecting" or "reconnecting". */
    static String updates(WebDriver browser) {
        return browser.findElement(By.tagName("body")).getAttribute("data-updates");
    }
}
