package org.chizu.tiles;

import org.chizu.accounts.CurrentAudience;
import org.chizu.gis.layer.UnknownLayerException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The tile server with the layer registry and nothing else: the application module (which
 * assembles everything) depends on this one, so the tests cannot start it.
 */
@SpringBootApplication(scanBasePackages = {"org.chizu.gis", "org.chizu.tiles"})
@ConfigurationPropertiesScan("org.chizu")
@Import({CurrentAudience.class, TileServerTestApplication.UnknownLayerProblem.class})
class TileServerTestApplication {

    /**
     * Anyone may call; who is signed in only decides the audience, as the accounts module will
     * decide for the real application. Tests sign in with {@code @WithMockUser}.
     */
    @Bean
    SecurityFilterChain openToEveryone(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Stands in for the application's ProblemHandler, which maps an unknown layer to a 404
     * problem; the tile server's own errors are Spring ErrorResponses and need no stand-in.
     */
    @RestControllerAdvice
    static class UnknownLayerProblem {

        @ExceptionHandler
        ProblemDetail unknownLayer(UnknownLayerException e) {
            return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }
}
