package org.chizu.gis.layer.changes;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.chizu.gis.imports.LayerImporter;
import org.chizu.gis.layer.LayerDataChanged;
import org.chizu.gis.layer.LayerRegistry;
import org.chizu.platform.testing.TestDatabase;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One Chizu process as far as gis-core goes: its own Spring context, connection pool and listener
 * on a shared database, with the layer changes its listeners hear collected in order.
 */
final class ChizuProcess implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    ChizuProcess(TestDatabase database) {
        context = new SpringApplicationBuilder(GisCore.class)
                .web(WebApplicationType.NONE)
                .properties("spring.datasource.url=" + database.url(), "spring.datasource.username=" + database.user(),
                        "spring.datasource.password=" + database.password())
                .run();
    }

    LayerImporter importer() {
        return context.getBean(LayerImporter.class);
    }

    LayerRegistry registry() {
        return context.getBean(LayerRegistry.class);
    }

    LayerChanges changes() {
        return context.getBean(LayerChanges.class);
    }

    TransactionTemplate transactions() {
        return context.getBean(TransactionTemplate.class);
    }

    /** The next change this process's listeners heard, waiting for it as long as delivery may reasonably take. */
    LayerDataChanged nextHeard() throws InterruptedException {
        LayerDataChanged change = context.getBean(Heard.class).changes.poll(30, TimeUnit.SECONDS);
        if (change == null) {
            throw new AssertionError("no layer change was heard");
        }
        return change;
    }

    void forgetHeard() {
        context.getBean(Heard.class).changes.clear();
    }

    @Override
    public void close() {
        context.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan({"org.chizu.gis", "org.chizu.platform.audit"})
    @ConfigurationPropertiesScan("org.chizu.gis")
    static class GisCore {

        @Bean
        Heard heard() {
            return new Heard();
        }
    }

    static final class Heard {

        final BlockingQueue<LayerDataChanged> changes = new LinkedBlockingQueue<>();

        @EventListener
        void on(LayerDataChanged change) {
            changes.add(change);
        }
    }
}
