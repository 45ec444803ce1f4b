package org.chizu.sensors.subscriptions;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestDataValueProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * The small bilingual pages that the e-mails' links open, with the site's alerts style and no script.
 * A link only shows a page: the change waits for its button, so a mail client or link scanner that
 * opens the link first changes nothing.
 */
@Component
class SubscriptionLinkPages {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /** The words of one page: a heading and a sentence in each language. */
    record Words(String titleJa, String titleEn, String textJa, String textEn) {
    }

    /** The label of a page's button, in both languages. */
    record Button(String ja, String en) {
    }

    // The web security's form fields (its CSRF token), when the application has web security.
    private final ObjectProvider<RequestDataValueProcessor> formFields;

    SubscriptionLinkPages(ObjectProvider<RequestDataValueProcessor> formFields) {
        this.formFields = formFields;
    }

    /** A page with a button that posts the link's token back to the link's own address. */
    ResponseEntity<String> asking(Words words, Button button, String token, HttpServletRequest request) {
        StringBuilder fields = new StringBuilder(hidden("token", token));
        RequestDataValueProcessor processor = formFields.getIfAvailable();
        Map<String, String> extra = processor == null ? null : processor.getExtraHiddenFields(request);
        if (extra != null) {
            extra.forEach((name, value) -> fields.append(hidden(name, value)));
        }
        String form = """
                <form method="post" action="%1$s">%2$s
                <button type="submit">%3$s<span lang="en">%4$s</span></button></form>
                """.formatted(escape(request.getRequestURI()), fields, escape(button.ja()), escape(button.en()));
        return page(HttpStatus.OK, words, form);
    }

    /** A page that tells what happened (or why nothing could). */
    ResponseEntity<String> telling(HttpStatus status, Words words) {
        return page(status, words, "");
    }

    private static ResponseEntity<String> page(HttpStatus status, Words words, String form) {
        String html = """
                <!doctype html>
                <html lang="ja">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s / %2$s</title><link rel="icon" href="/favicon.svg" type="image/svg+xml">
                <link rel="stylesheet" href="/webmap/map.css"><link rel="stylesheet" href="/webmap/alerts.css"></head>
                <body class="alerts-page"><header class="bar"><p class="bar-title">防災情報メール <span lang="en">Alert e-mails</span></p></header>
                <main class="alerts-main subscription-page">
                <h1>%1$s</h1><p>%3$s</p>
                <h2 lang="en">%2$s</h2><p lang="en">%4$s</p>
                %5$s<p class="links"><a href="/alerts">防災情報 / Alerts</a> · <a href="/">地図 / Map</a></p>
                </main></body></html>
                """.formatted(escape(words.titleJa()), escape(words.titleEn()), escape(words.textJa()), escape(words.textEn()), form);
        return ResponseEntity.status(status).contentType(HTML).header("Cache-Control", "no-store").body(html);
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value) + "\">";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
