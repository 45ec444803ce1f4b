package org.chizu.gis.layer;

import org.chizu.platform.Label;

import java.util.Objects;

/**
 * The licence a layer is published under.
 *
 * @param id    a short identifier, SPDX where one exists ("CC-BY-4.0")
 * @param title how it reads
 * @param url   the licence text
 */
public record Licence(String id, Label title, String url) {

    public Licence {
        Objects.requireNonNull(id, "licence id");
        Objects.requireNonNull(title, "licence title");
        Objects.requireNonNull(url, "licence url");
    }
}
