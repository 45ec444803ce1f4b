package org.chizu.platform.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a topic name looks like and which ones are restricted. A topic is one or more segments of
 * lower-case letters, digits, {@code _} and {@code -}, joined by dots: {@code alerts},
 * {@code queue.board.3}. Two families are restricted (see {@link TopicAccessPolicy}):
 * <ul>
 *   <li>{@code staff} and {@code staff.…}: signed-in staff only;</li>
 *   <li>{@code user.<name>.<leaf>}: only the user {@code <name>}. Account names may contain dots, so
 *       the leaf is always one segment and the owner is everything between {@code user.} and the last
 *       dot: {@code user.a.b.jobs} belongs to {@code a.b}, never to {@code a}. A name that cannot stand
 *       in a topic (a resident's e-mail address, upper case) stands as {@code h-} and the first 24
 *       hexadecimal digits of its SHA-256: {@code user.h-3f2a….jobs}.</li>
 * </ul>
 */
final class Topics {

    static final String STAFF = "staff";
    static final String USER = "user.";
    static final int MAX_LENGTH = 200;

    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9_-]+");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");

    private Topics() {
    }

    /**
     * @return the topic, when it is well formed
     * @throws EventsProblem (400) naming the topic otherwise
     */
    static String require(String topic) {
        if (topic == null || topic.isEmpty()) {
            throw EventsProblem.badTopic(String.valueOf(topic), "a topic is a name such as alerts or queue.board.3");
        }
        if (topic.length() > MAX_LENGTH) {
            throw EventsProblem.badTopic(topic.substring(0, 40) + "…", "at most " + MAX_LENGTH + " characters");
        }
        if (!NAME.matcher(topic).matches()) {
            throw EventsProblem.badTopic(topic, "use lower-case letters, digits, '_' and '-', in parts joined by dots");
        }
        if (topic.startsWith(USER) && owner(topic).isEmpty()) {
            throw EventsProblem.badTopic(topic, "a user's topic is user.<name>.<leaf>, such as user.tanaka.jobs");
        }
        return topic;
    }

    static boolean isStaffOnly(String topic) {
        return topic.equals(STAFF) || topic.startsWith(STAFF + ".");
    }

    /** The user a {@code user.<name>.<leaf>} topic belongs to; empty for other topics. */
    static Optional<String> owner(String topic) {
        if (!topic.startsWith(USER)) {
            return Optional.empty();
        }
        int leaf = topic.lastIndexOf('.');
        return leaf > USER.length() ? Optional.of(topic.substring(USER.length(), leaf)) : Optional.empty();
    }

    /** {@code user.<name>.<leaf>}. */
    static String ofUser(String userName, String leaf) {
        if (leaf == null || !SEGMENT.matcher(leaf).matches()) {
            throw EventsProblem.badTopic(USER + userName + "." + leaf, "the leaf of a user's topic is one segment");
        }
        return require(USER + userPart(userName) + "." + leaf);
    }

    /** How a user's name stands in their topics: as it is when it can, else by its digest. */
    static String userPart(String userName) {
        if (NAME.matcher(userName).matches() && userName.length() <= 64) {
            return userName;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(userName.getBytes(StandardCharsets.UTF_8));
            return "h-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
