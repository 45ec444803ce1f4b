package org.chizu.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chizu.platform.events.SseClient.Received;
import org.chizu.platform.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two Chizu processes on one database, as behind a load balancer: what one publishes, the clients of
 * the other receive, once, in order and only if it was committed; a client that reconnects with
 * Last-Event-ID gets exactly what it missed. Each test follows topics of its own.
 */
class LiveEventsAcrossProcessesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static TestDatabase database;
    static EventsProcess publishing;
    static EventsProcess serving;

    @BeforeAll
    static void twoProcessesOnOneDatabase() {
        database = TestDatabase.fresh();
        publishing = new EventsProcess(database);
        serving = new EventsProcess(database);
    }

    @AfterAll
    static void stop() {
        publishing.close();
        serving.close();
    }

    @Test
    void anEventPublishedInOneProcessReachesAClientOfTheOtherNamedByItsTopic() throws Exception {
        try (SseClient client = SseClient.connect(serving.uri("/events?topic=queue.board.3"), null)) {
            publishing.events().publish("queue.board.3", Map.of("number", 42, "window", "2番窓口"));

            Received event = client.next();
            assertThat(event.topic()).isEqualTo("queue.board.3");
            assertThat(json(event)).isEqualTo(JSON.readTree("{\"number\":42,\"window\":\"2番窓口\"}"));
            assertThat(Long.parseLong(event.id())).isPositive();
        }
    }

    @Test
    void anEventPublishedInATransactionThatRollsBackIsNeverDelivered() throws Exception {
        try (SseClient client = SseClient.connect(serving.uri("/events?topic=rollback"), null)) {
            publishing.transactions().executeWithoutResult(tx -> {
                publishing.events().publish("rollback", "lost");
                tx.setRollbackOnly();
            });
            assertThatThrownBy(() -> publishing.transactions().executeWithoutResult(tx -> {
                publishing.events().publish("rollback", "lost too");
                throw new IllegalStateException("the work failed");
            })).isInstanceOf(IllegalStateException.class);
            publishing.events().publish("rollback", "kept");

            assertThat(client.next().data()).isEqualTo("\"kept\"");
            assertThat(new JdbcTemplate(database.dataSource()).queryForList("select data::text from live_event where topic = 'rollback'", String.class))
                    .containsExactly("\"kept\"");
        }
    }

    @Test
    void eventsOfOneTransactionAreDeliveredWhenItCommitsInTheOrderPublished() throws Exception {
        try (SseClient client = SseClient.connect(serving.uri("/events?topic=batch"), null)) {
            publishing.transactions().executeWithoutResult(tx -> {
                publishing.events().publish("batch", 1);
                publishing.events().publish("batch", 2);
                assertThat(new JdbcTemplate(database.dataSource()).queryForObject("select count(*) from live_event where topic = 'batch'", Integer.class))
                        .as("nothing is visible before the commit").isZero();
                publishing.events().publish("batch", 3);
            });

            assertThat(client.next(3)).extracting(Received::data).containsExactly("1", "2", "3");
        }
    }

    @Test
    void aClientReceivesOnlyTheTopicsItFollows() throws Exception {
        try (SseClient client = SseClient.connect(serving.uri("/events?topic=filter.a&topic=filter.c"), null)) {
            publishing.events().publish("filter.a", "a1");
            publishing.events().publish("filter.b", "b1");
            publishing.events().publish("filter.c", "c1");
            publishing.events().publish("filter.b", "b2");
            publishing.events().publish("filter.a", "a2");

            assertThat(client.next(3)).extracting(Received::topic, Received::data).containsExactly(
                    tuple("filter.a", "\"a1\""),
                    tuple("filter.c", "\"c1\""),
                    tuple("filter.a", "\"a2\""));
        }
    }

    @Test
    void reconnectingWithLastEventIdGivesExactlyTheMissedEventsInOrderThenTheNewOnes() throws Exception {
        String lastSeen;
        try (SseClient client = SseClient.connect(serving.uri("/events?topic=replay&topic=replay.other"), null)) {
            publishing.events().publish("replay", "seen 1");
            publishing.events().publish("replay", "seen 2");
            lastSeen = client.next(2).getLast().id();
        }
        publishing.events().publish("replay", "missed 1");
        publishing.events().publish("not.followed", "other");
        publishing.events().publish("replay.other", "missed 2");
        publishing.events().publish("replay", "missed 3");

        try (SseClient client = SseClient.connect(serving.uri("/events?topic=replay&topic=replay.other"), lastSeen)) {
            assertThat(client.next(3)).extracting(Received::data)
                    .containsExactly("\"missed 1\"", "\"missed 2\"", "\"missed 3\"");
            publishing.events().publish("replay", "new");
            assertThat(client.next().data()).isEqualTo("\"new\"");
        }
    }

    @Test
    void aNewClientWhoseConnectionDropsBeforeAnyEventGetsWhatWasPublishedWhileItReconnected() throws Exception {
        String startsAfter;
        try (SseClient client = SseClient.connect(serving.uri("/events?topic=gap"), null)) {
            assertThat(client.nextComment()).isEqualTo("chizu live events");
            startsAfter = client.lastEventId();
        }
        publishing.events().publish("gap", "while reconnecting");

        try (SseClient client = SseClient.connect(serving.uri("/events?topic=gap"), startsAfter)) {
            assertThat(client.next().data()).isEqualTo("\"while reconnecting\"");
        }
    }

    @Test
    void aQuietConnectionGetsHeartbeatComments() throws Exception {
        try (SseClient client = SseClient.connect(serving.uri("/events?topic=quiet"), null)) {
            assertThat(client.nextComment()).isEqualTo("chizu live events");
            assertThat(client.nextComment()).isEqualTo("heartbeat");
            assertThat(client.nextComment()).isEqualTo("heartbeat");
        }
    }

    @Test
    void malformedSubscriptionsAreRefusedAsProblemsNamingWhatIsWrong() throws Exception {
        HttpResponse<String> badTopic = SseClient.refused(serving.uri("/events?topic=Queue%20Board"), null);
        assertThat(badTopic.statusCode()).isEqualTo(400);
        assertThat(badTopic.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(badTopic.body()).path("topic").asText()).isEqualTo("Queue Board");

        assertThat(SseClient.refused(serving.uri("/events"), null).statusCode()).isEqualTo(400);
        assertThat(SseClient.refused(serving.uri("/events?topic=user.tanaka"), null).statusCode()).isEqualTo(400);
        HttpResponse<String> badId = SseClient.refused(serving.uri("/events?topic=alerts"), "yesterday");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badId.body()).path("lastEventId").asText()).isEqualTo("yesterday");
    }

    @Test
    void restrictedTopicsAreRefusedToThePublicNamingTheTopic() throws Exception {
        HttpResponse<String> staff = SseClient.refused(serving.uri("/events?topic=alerts&topic=staff.reports"), null);
        assertThat(staff.statusCode()).isEqualTo(403);
        assertThat(staff.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(staff.body()).path("topic").asText()).isEqualTo("staff.reports");

        HttpResponse<String> user = SseClient.refused(serving.uri("/events?topic=user.tanaka.jobs"), null);
        assertThat(user.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(user.body()).path("topic").asText()).isEqualTo("user.tanaka.jobs");
    }

    @Test
    void aProcessServingAsManyClientsAsItMayRefusesTheNextWith503AndAcceptsAgainWhenOneLeaves() throws Exception {
        List<SseClient> clients = new ArrayList<>();
        try (EventsProcess small = new EventsProcess(database, "chizu.events.max-subscribers=2")) {
            clients.add(SseClient.connect(small.uri("/events?topic=crowd"), null));
            clients.add(SseClient.connect(small.uri("/events?topic=crowd"), null));

            HttpResponse<String> refused = SseClient.refused(small.uri("/events?topic=crowd"), null);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(refused.body()).path("maxSubscribers").asInt()).isEqualTo(2);

            clients.removeFirst().close();
            // The server notices that the client has gone when its next heartbeat cannot be written.
            await().until(() -> small.subscribers().size() < 2);
            clients.add(SseClient.connect(small.uri("/events?topic=crowd"), null));
        } finally {
            clients.forEach(SseClient::close);
        }
    }

    @Test
    void pruningKeepsOnlyTheNewestEventsWithinTheCountAndAge() {
        for (int i = 1; i <= 5; i++) {
            publishing.events().publish("prune", i);
        }

        publishing.eventLog().prune(Duration.ofHours(1), 2);
        assertThat(new JdbcTemplate(database.dataSource()).queryForList("select data::text from live_event order by id", String.class))
                .containsExactly("4", "5");

        publishing.eventLog().prune(Duration.ZERO, 10);
        assertThat(new JdbcTemplate(database.dataSource()).queryForObject("select count(*) from live_event", Integer.class)).isZero();
    }

    @Test
    void publishingRefusesMalformedTopicsAndOversizedData() {
        assertThatThrownBy(() -> publishing.events().publish("Alerts!", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Alerts!");
        assertThatThrownBy(() -> publishing.events().publish("alerts", "x".repeat(LiveEvents.MAX_DATA_BYTES)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than");
        assertThat(LiveEvents.userTopic("a.b", "jobs")).isEqualTo("user.a.b.jobs");
        assertThatThrownBy(() -> LiveEvents.userTopic("tanaka", "jobs.done")).isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode json(Received event) throws Exception {
        return JSON.readTree(event.data());
    }
}
