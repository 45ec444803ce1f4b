package org.chizu.gis.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads one file format into {@link SourceFeature}s, in file order. A reader checks only what it
 * must to read on (syntax, coordinates); attributes and geometry are checked by the importer.
 */
interface FeatureReader {

    /**
     * Reads the file, handing each feature on as it is read.
     *
     * @param problems where to report what makes a feature or the file unreadable; reading goes
     *                 on past a bad feature so that all of them are reported, but a feature whose
     *                 geometry cannot be read is not handed on
     * @return what the file says about itself
     * @throws IOException when the file cannot be read at all
     */
    SourceDescription read(Path file, ImportRequest request, ImportProblems problems, Consumer<SourceFeature> features)
            throws IOException;

    /**
     * What a file says about itself.
     *
     * @param srid     the EPSG code its coordinates are in by its own account or its format's
     *                 default, or null when it cannot tell
     * @param encoding the text encoding it was read in, for text formats whose encoding varies
     * @param xyOrder  the order a CSV file's x/y columns were read in, or null when its columns'
     *                 names said which is which or the format has no such choice
     * @param assumedAxisOrder how the x/y order was assumed from the column names, in a sentence
     *                 that says how to override it; null when nothing was assumed
     * @param unrecognisedCrs the name of the coordinate system the file gives when Chizu does not
     *                 recognise it (a Shapefile's .prj), so srid is null; else null
     */
    record SourceDescription(Integer srid, String encoding, ImportRequest.AxisOrder xyOrder, String assumedAxisOrder,
                             String unrecognisedCrs) {

        /**
         * What a reader answers for a file it could not open far enough to say anything about it,
         * its problem reported: the importer then asks for no coordinate system. Compared by identity.
         */
        static final SourceDescription UNREAD = new SourceDescription(null, null);

        SourceDescription(Integer srid, String encoding) {
            this(srid, encoding, null, null, null);
        }

        SourceDescription(Integer srid, String encoding, ImportRequest.AxisOrder xyOrder, String assumedAxisOrder) {
            this(srid, encoding, xyOrder, assumedAxisOrder, null);
        }
    }
}
