package org.chizu.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.chizu.platform.Label;

/**
 * The real public data the sample town is built on, shipped unchanged as resources of this module
 * (under {@code sample-town/}, whose README names the sources and licences). Tests of other modules
 * may read them too. Whoever shows or passes on a file's data must show its source's attribution.
 */
public enum PublicDataFile {

    /** The 19 municipalities of Shimane (国土数値情報 行政区域 2021, simplified): N03_004 name, N03_007 code. */
    SHIMANE_BOUNDARIES("boundaries/shimane-municipalities-2021.geojson", Source.MLIT_BOUNDARIES),
    /** Masuda's designated emergency evacuation sites (指定緊急避難場所), with 0/1 flags per hazard. */
    MASUDA_EMERGENCY_SITES("shelters/emergency-322041.geojson", Source.GSI_SHELTERS),
    /** Masuda's designated shelters (指定避難所). */
    MASUDA_SHELTERS("shelters/evacuation-322041.geojson", Source.GSI_SHELTERS),
    /** Yasugi's designated emergency evacuation sites (指定緊急避難場所), with 0/1 flags per hazard. */
    YASUGI_EMERGENCY_SITES("shelters/emergency-322067.geojson", Source.GSI_SHELTERS),
    /** Yasugi's designated shelters (指定避難所). */
    YASUGI_SHELTERS("shelters/evacuation-322067.geojson", Source.GSI_SHELTERS);

    /**
     * Who published the data, and the attribution line their terms ask for (国土地理院コンテンツ利用規約,
     * 国土数値情報利用約款).
     */
    public enum Source {
        GSI_SHELTERS(new Label("指定緊急避難場所・指定避難所データ（国土地理院）", "Designated emergency evacuation sites and shelters (GSI)"),
                "出典：国土地理院「指定緊急避難場所・指定避難所データ」"),
        MLIT_BOUNDARIES(new Label("国土数値情報（行政区域データ）島根県 2021年", "National Land Numerical Information: administrative areas, Shimane 2021"),
                "出典：国土交通省「国土数値情報（行政区域データ）」を加工して作成");

        private final Label title;
        private final String attribution;

        Source(Label title, String attribution) {
            this.title = title;
            this.attribution = attribution;
        }

        public Label title() {
            return title;
        }

        /** The line that must be shown with the data. */
        public String attribution() {
            return attribution;
        }
    }

    private final String path;
    private final Source source;

    PublicDataFile(String path, Source source) {
        this.path = path;
        this.source = source;
    }

    /** Where the file lies on the class path. */
    public String resourceName() {
        return "sample-town/" + path;
    }

    public Source source() {
        return source;
    }

    /** The file's own name, which tells its format. */
    public String fileName() {
        return Path.of(path).getFileName().toString();
    }

    /**
     * Copies the file into a folder under its own name, for readers that take a file: the resource
     * may lie inside a jar.
     *
     * @return the copy
     */
    public Path copyInto(Path folder) throws IOException {
        Path copy = folder.resolve(fileName());
        try (InputStream in = open()) {
            Files.copy(in, copy);
        }
        return copy;
    }

    /**
     * Opens the file; the caller closes it.
     *
     * @throws IllegalStateException when the file is not on the class path (a broken build)
     */
    public InputStream open() {
        InputStream in = PublicDataFile.class.getClassLoader().getResourceAsStream(resourceName());
        if (in == null) {
            throw new IllegalStateException(resourceName() + " is missing from the class path");
        }
        return in;
    }
}
