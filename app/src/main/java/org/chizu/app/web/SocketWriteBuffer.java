package org.chizu.app.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's per-connection socket write buffer, 8 KB by default: a vector tile averages tens of
 * kilobytes, and with the default each one leaves in several writes to the socket.
 */
@Component
class SocketWriteBuffer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final DataSize size;

    SocketWriteBuffer(@Value("${chizu.http.socket-write-buffer:64KB}") DataSize size) {
        this.size = size;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("socket.appWriteBufSize", Long.toString(size.toBytes())));
    }
}
