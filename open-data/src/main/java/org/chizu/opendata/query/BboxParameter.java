package org.chizu.opendata.query;

/**
 * The {@code bbox} and {@code bbox-crs} parameters: "minLon,minLat,maxLon,maxLat", in CRS84 unless
 * told. Downloads read the numbers x first whatever the CRS; the OGC API reads them in the CRS's
 * axis order and also takes six numbers (a minimum and maximum height, ignored: layers are 2D).
 */
public final class BboxParameter {

    private BboxParameter() {
    }

    /**
     * @param bbox four comma-separated numbers, or null for no box
     * @param crs  the CRS of the numbers (see {@link OutputCrs#parse}); null means CRS84
     * @return the box, or null when {@code bbox} is null or blank
     * @throws IllegalArgumentException naming what is wrong
     */
    public static BoundingBox parse(String bbox, String crs) {
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        double[] values = numbers(bbox, false);
        OutputCrs boxCrs = crs == null || crs.isBlank() ? OutputCrs.WGS84 : OutputCrs.parse(crs);
        return new BoundingBox(values[0], values[1], values[2], values[3], boxCrs);
    }

    /**
     * The OGC API's reading: four or six numbers in the axis order of {@code bbox-crs} (CRS84 by
     * default), returned x first.
     *
     * @return the box, or null when {@code bbox} is null or blank
     * @throws IllegalArgumentException naming what is wrong
     */
    public static BoundingBox parseInAxisOrder(String bbox, String crs) {
        if (bbox == null || bbox.isBlank()) {
            return null;
        }
        double[] v = numbers(bbox, true);
        OutputCrs boxCrs = OutputCrs.parseInAxisOrder(crs, OutputCrs.WGS84);
        return boxCrs.yFirst() ? new BoundingBox(v[1], v[0], v[3], v[2], boxCrs) : new BoundingBox(v[0], v[1], v[2], v[3], boxCrs);
    }

    /** The four corner numbers; of six (with heights), the horizontal ones. */
    private static double[] numbers(String bbox, boolean heightsAllowed) {
        String[] parts = bbox.split(",");
        if (parts.length != 4 && !(heightsAllowed && parts.length == 6)) {
            throw new IllegalArgumentException("bbox needs four numbers: minLon,minLat,maxLon,maxLat (got '" + bbox + "')");
        }
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox value '" + parts[i] + "' is not a number");
            }
        }
        return parts.length == 4 ? values : new double[] {values[0], values[1], values[3], values[4]};
    }
}
