package org.chizu.sensors.sta;

/**
 * A navigation property from one entity type to another and how its tables join.
 *
 * @param name   its SensorThings name: {@code Datastreams} (to many) or {@code Thing} (to one)
 * @param target the entity type it leads to
 * @param link   the join
 */
record Navigation(String name, EntityType target, Link link) {

    boolean toMany() {
        return !(link instanceof ToOne);
    }

    sealed interface Link permits ToOne, ToMany, ManyToMany {
    }

    /** The source's row holds the target's id in {@code column}. */
    record ToOne(String column) implements Link {
    }

    /** The target's rows hold the source's id in {@code column}. */
    record ToMany(String column) implements Link {
    }

    /**
     * A link table holds pairs of source and target ids; when ordered, {@code position} numbers the
     * links (from 0) of each id in {@code orderedWithin}, one of the two columns, else both are null.
     */
    record ManyToMany(String table, String sourceColumn, String targetColumn, String orderedWithin, String position) implements Link {

        ManyToMany(String table, String sourceColumn, String targetColumn) {
            this(table, sourceColumn, targetColumn, null, null);
        }

        /** The same links seen from the target's side. */
        ManyToMany reversed() {
            return new ManyToMany(table, targetColumn, sourceColumn, orderedWithin, position);
        }

        /** Whether the targets of one source come in the order of {@code position}. */
        boolean ordersTargets() {
            return position != null && orderedWithin.equals(sourceColumn);
        }
    }

    /**
     * The FROM clause of the target aliased {@code t}, with the expression that is the source's id
     * for each target row: joining a to-one source as {@code p}, or the link table as {@code l}.
     */
    String fromWithSourceId(EntityType source) {
        return switch (link) {
            case ToOne one -> target.table() + " t join " + source.table() + " p on p." + one.column() + " = t.id";
            case ToMany many -> target.table() + " t";
            case ManyToMany both -> target.table() + " t join " + both.table() + " l on l." + both.targetColumn() + " = t.id";
        };
    }

    String sourceId() {
        return switch (link) {
            case ToOne one -> "p.id";
            case ToMany many -> "t." + many.column();
            case ManyToMany both -> "l." + both.sourceColumn();
        };
    }
}
