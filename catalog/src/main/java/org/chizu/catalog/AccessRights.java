package org.chizu.catalog;

import org.chizu.platform.Label;

/**
 * Who may use a dataset, as the EU access-right authority table names it
 * ({@code http://publications.europa.eu/resource/authority/access-right}).
 */
public enum AccessRights {
    PUBLIC(new Label("公開", "Public")),
    /** Open to those granted access, e.g. a forestry firm whose application was approved. */
    RESTRICTED(new Label("制限付き公開", "Restricted")),
    NON_PUBLIC(new Label("非公開", "Non-public"));

    public static final String SCHEME = "http://publications.europa.eu/resource/authority/access-right";

    public final Label label;

    AccessRights(Label label) {
        this.label = label;
    }

    public String uri() {
        return SCHEME + "/" + name();
    }
}
