package org.chizu.sensors.sta;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.web.util.UriUtils;

/** The addresses of one service root, such as {@code https://chizu.example.lg.jp/sta/v1.1}. */
public record Links(String root) {

    String entity(EntityType type, long id) {
        return root + "/" + type.setName() + "(" + id + ")";
    }

    String navigation(EntityType type, long id, Navigation navigation) {
        return entity(type, id) + "/" + navigation.name();
    }

    /** The same resource path with these query options, each encoded. */
    String withOptions(String path, Map<String, String> options) {
        return root + "/" + path + "?" + options.entrySet().stream()
                .map(option -> UriUtils.encodeQueryParam(option.getKey(), StandardCharsets.UTF_8) + "="
                        + UriUtils.encodeQueryParam(option.getValue(), StandardCharsets.UTF_8).replace("&", "%26").replace("+", "%2B"))
                .collect(Collectors.joining("&"));
    }
}
