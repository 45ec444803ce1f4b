package org.chizu.gis.layer;

import org.chizu.platform.Label;

/**
 * The 13 data themes of the EU's authority table (http://publications.europa.eu/resource/authority/data-theme),
 * which DCAT-AP catalogs classify datasets by. A layer names them in its YAML under {@code themes:}
 * by code ("ENVI"); any other code stops start-up. The table's provisional entry (OP_DATPRO, "data
 * not yet classified") is left out: a declared layer is classified.
 */
public enum DataTheme {
    AGRI(new Label("農林水産・食品", "Agriculture, fisheries, forestry and food")),
    ECON(new Label("経済・財政", "Economy and finance")),
    EDUC(new Label("教育・文化・スポーツ", "Education, culture and sport")),
    ENER(new Label("エネルギー", "Energy")),
    ENVI(new Label("環境", "Environment")),
    GOVE(new Label("行政・公共部門", "Government and public sector")),
    HEAL(new Label("保健", "Health")),
    INTR(new Label("国際", "International issues")),
    JUST(new Label("司法・法制度・治安", "Justice, legal system and public safety")),
    REGI(new Label("地域・都市", "Regions and cities")),
    SOCI(new Label("人口・社会", "Population and society")),
    TECH(new Label("科学技術", "Science and technology")),
    TRAN(new Label("交通", "Transport"));

    /** The authority table the codes belong to, as a {@code skos:ConceptScheme}. */
    public static final String SCHEME = "http://publications.europa.eu/resource/authority/data-theme";

    private final Label label;

    DataTheme(Label label) {
        this.label = label;
    }

    public Label label() {
        return label;
    }

    /** The theme's concept in the EU table ("…/data-theme/ENVI"). */
    public String uri() {
        return SCHEME + "/" + name();
    }
}
