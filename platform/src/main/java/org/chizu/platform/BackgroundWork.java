package org.chizu.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks a bean that works in the background of a server: listeners, schedulers, senders, workers.
 * A command ({@code ./chizu import …}) runs with {@value #PROPERTY}{@code =false}, so it starts none
 * of them, does only its job and ends in seconds; a server has them all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = BackgroundWork.PROPERTY, havingValue = "true", matchIfMissing = true)
public @interface BackgroundWork {

    String PROPERTY = "chizu.background-work";
}
