package org.chizu.sensors.mqtt;

import java.util.List;

import org.chizu.accounts.ApiClients;
import org.chizu.accounts.ApiTokens;
import org.chizu.accounts.ClientScope;
import org.chizu.accounts.ClientScopes;
import org.chizu.platform.Label;
import org.chizu.platform.audit.AuditLog;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/** The sensors module with the devices' tokens from accounts, which the broker's users are made of. */
@SpringBootApplication(scanBasePackages = {"org.chizu.sensors", "org.chizu.platform.web"})
@ConfigurationPropertiesScan("org.chizu")
@Import({ApiClients.class, ApiTokens.class, ClientScopes.class, AuditLog.class})
class MqttTestApplication {

    /** A scope that lets a client read but not post observations. */
    @Bean
    ClientScope sensorsRead() {
        return new ClientScope("sensors:read", new Label("観測値を読む", "read observations"), HttpMethod.GET, List.of("/sta/v1.1/**"));
    }
}
