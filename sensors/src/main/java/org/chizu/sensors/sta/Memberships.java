package org.chizu.sensors.sta;

import java.util.ArrayList;
import java.util.List;

import org.chizu.sensors.sta.Navigation.ManyToMany;
import org.chizu.sensors.sta.Navigation.ToMany;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The collections an entity belongs to, as SensorThings addresses them: its entity set
 * ({@code Datastreams}) and every to-many navigation of another entity that leads to it
 * ({@code Things(1)/Datastreams}, {@code Sensors(2)/Datastreams}). These are the collection topics
 * of the MQTT extension that are told of it.
 */
@Component
class Memberships {

    private final JdbcTemplate jdbc;

    Memberships(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<String> of(EntityType type, long id) {
        List<String> collections = new ArrayList<>(List.of(type.setName()));
        for (EntityType source : EntityType.values()) {
            for (Navigation navigation : source.navigations()) {
                if (navigation.target() != type) {
                    continue;
                }
                List<Long> sources = switch (navigation.link()) {
                    case ToMany many -> jdbc.queryForList("select " + many.column() + " from " + type.table() + " where id = ? and "
                            + many.column() + " is not null", Long.class, id);
                    case ManyToMany both -> jdbc.queryForList("select " + both.sourceColumn() + " from " + both.table() + " where "
                            + both.targetColumn() + " = ? order by 1", Long.class, id);
                    default -> List.of();
                };
                sources.forEach(sourceId -> collections.add(source.setName() + "(" + sourceId + ")/" + navigation.name()));
            }
        }
        return collections;
    }
}
