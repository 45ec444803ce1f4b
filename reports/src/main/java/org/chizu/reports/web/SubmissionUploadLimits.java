package org.chizu.reports.web;

import java.nio.file.Path;
import java.util.Set;

import org.chizu.reports.ReportsProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.form.FormParserFactory;
import io.undertow.server.handlers.form.MultiPartParserDefinition;

/**
 * Gives a report submission (the report page's form, an Open311 request with its media) its own
 * photo limit, counted by Undertow's multipart parser as the bytes arrive: the servlet's multipart
 * limits are sized for staff imports, so Undertow would otherwise read a 30 MB photo in full before
 * the report could refuse it. The parser is attached just before the servlet filters, before
 * anything has read the body, and is the one the servlet request then uses. The whole body's limit
 * is its declared length, checked by {@link SubmissionSizeLimit}, which also answers when a photo
 * reaches its limit.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SubmissionUploadLimits implements WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

    private static final Set<String> SUBMISSIONS = Set.of("/api/reports", "/open311/v2/requests.json", "/open311/v2/requests.xml");

    private final FormParserFactory photoParsers;

    SubmissionUploadLimits(ReportsProperties properties) {
        MultiPartParserDefinition multipart = new MultiPartParserDefinition(Path.of(System.getProperty("java.io.tmpdir")))
                .setDefaultEncoding("UTF-8");
        multipart.setMaxIndividualFileSize(properties.maxPhotoBytes());
        this.photoParsers = FormParserFactory.builder(false).addParsers(multipart).build();
    }

    static boolean isSubmission(String method, String path) {
        return "POST".equals(method) && SUBMISSIONS.contains(path);
    }

    @Override
    public void customize(UndertowServletWebServerFactory factory) {
        factory.addDeploymentInfoCustomizers(deployment -> deployment.addInnerHandlerChainWrapper(this::limiting));
    }

    private HttpHandler limiting(HttpHandler next) {
        return exchange -> {
            if (isSubmission(exchange.getRequestMethod().toString(), exchange.getRequestPath())) {
                // Attached to the exchange, where the servlet request's own parsing finds and uses it.
                photoParsers.createParser(exchange);
            }
            next.handleRequest(exchange);
        };
    }
}
