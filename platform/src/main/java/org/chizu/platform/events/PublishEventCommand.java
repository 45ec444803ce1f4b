package org.chizu.platform.events;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chizu.platform.cli.ChizuCommand;
import org.chizu.platform.cli.CommandArguments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./chizu events publish TOPIC JSON [JSON …]}: publishes events to the live clients of every
 * running server, for example an alert from a script. Several events are published in one
 * transaction, in the order given: all or none.
 */
@Component
class PublishEventCommand implements ChizuCommand {

    private final LiveEvents events;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    PublishEventCommand(LiveEvents events, TransactionTemplate transaction, ObjectMapper json) {
        this.events = events;
        this.transaction = transaction;
        this.json = json;
    }

    @Override
    public List<String> words() {
        return List.of("events", "publish");
    }

    @Override
    public String usage() {
        return "events publish TOPIC JSON [JSON …]   e.g. events publish alerts '{\"ja\":\"…\",\"en\":\"…\"}'";
    }

    @Override
    public int run(List<String> arguments, PrintStream out) {
        List<String> values = new CommandArguments(arguments, Set.of(), Set.of()).positional();
        if (values.size() < 2) {
            throw new IllegalArgumentException("name a topic and at least one JSON value");
        }
        String topic = values.getFirst();
        List<JsonNode> data = new ArrayList<>();
        for (String text : values.subList(1, values.size())) {
            data.add(parse(text));
        }
        transaction.executeWithoutResult(tx -> data.forEach(d -> events.publish(topic, d)));
        out.println("published " + data.size() + (data.size() == 1 ? " event" : " events") + " to " + topic);
        return 0;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + text + " (" + e.getOriginalMessage() + ")");
        }
    }
}
