package org.chizu.forestry.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.embedded.undertow.UndertowServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import io.undertow.server.HttpHandler;

/**
 * Lifts Undertow's limit on a request body (2 MB unless multipart) for staff uploads of laser tiles,
 * which are some hundred MB: Undertow would otherwise cut the connection with an empty 500 before
 * any Chizu code saw the request. The upload's own limit is then applied by
 * {@link org.chizu.forestry.upload.SurveyUploads}, which answers with a problem naming it.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SurveyUploadEntityLimit implements WebServerFactoryCustomizer<UndertowServletWebServerFactory> {

    static final String UPLOADS = "/staff/api/forestry/surveys/uploads";

    @Override
    public void customize(UndertowServletWebServerFactory factory) {
        factory.addDeploymentInfoCustomizers(deployment -> deployment.addInitialHandlerChainWrapper(this::unlimited));
    }

    private HttpHandler unlimited(HttpHandler next) {
        return exchange -> {
            if ("POST".equals(exchange.getRequestMethod().toString()) && UPLOADS.equals(exchange.getRequestPath())) {
                exchange.setMaxEntitySize(0);
            }
            next.handleRequest(exchange);
        };
    }
}
