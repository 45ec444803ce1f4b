package org.chizu.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.chizu.app.ChizuApplication;
import org.chizu.gis.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web server writes a response of up to 64 KB to the socket in one go, so a typical tile is one write. */
@SpringBootTest(classes = ChizuApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SocketWriteBufferTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.fresh().register(registry);
    }

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void theConnectorsSocketWriteBufferHoldsATypicalTile() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        assertThat(server.getTomcat().getConnector().getProperty("socket.appWriteBufSize")).hasToString("65536");
    }
}
