package org.chizu.app.jobs;

import org.chizu.platform.Audience;
import org.chizu.platform.RequestAudience;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;

/**
 * Another Chizu process as far as jobs go: the job module and {@link RecordingJob} in a Spring
 * context of their own (only the auto-configuration they need, so that it starts in seconds), with
 * their own connections and workers on a shared database. Its
 * {@link #main} is what a test starts in a separate JVM (and may kill); {@link #start} runs one in
 * the test's JVM.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class, JacksonAutoConfiguration.class})
@ComponentScan({"org.chizu.platform.jobs", "org.chizu.platform.events"})
@ConfigurationPropertiesScan({"org.chizu.platform.jobs", "org.chizu.platform.events"})
@Import(RecordingJob.class)
@Profile(JobProcess.PROFILE) // not part of the application that the other tests start by scanning org.chizu
public class JobProcess {

    static final String PROFILE = "job-process";

    /** @param args Spring properties: the database, the data folder and the job settings ({@code --chizu.jobs.lease=…}) */
    public static void main(String[] args) {
        start(args);
    }

    /** A job process answers no requests; the live events it publishes need to know whom a request is for all the same. */
    @Bean
    RequestAudience nobodyAsks() {
        return () -> Audience.PUBLIC;
    }

    public static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(JobProcess.class)
                .web(WebApplicationType.NONE)
                .profiles(PROFILE)
                .run(properties);
    }
}
