package org.chizu.platform.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks the parts that only a serving process needs: listening, subscribers, pruning. Commands start
 * with {@code chizu.events.listen=false}; they may still publish.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(name = "chizu.events.listen", havingValue = "true", matchIfMissing = true)
@interface ListeningProcess {
}
