package org.chizu.app.ops;

import org.chizu.platform.web.PublicAddressProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who started Chizu where to open it, once start-up work (sample town …) is done. */
@Component
class ReadyMessage {

    private static final Logger log = LoggerFactory.getLogger(ReadyMessage.class);

    private final PublicAddressProperties publicAddress;

    ReadyMessage(PublicAddressProperties publicAddress) {
        this.publicAddress = publicAddress;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            String listen = web.getEnvironment().getProperty("server.address", "0.0.0.0");
            String url = publicAddress.publicUrl() != null ? publicAddress.publicUrl().toString()
                    : "http://localhost:" + web.getWebServer().getPort() + "/";
            log.info("Chizu is running at {} (listening on {}:{}; Ctrl-C stops it)", url, listen, web.getWebServer().getPort());
        }
    }
}
