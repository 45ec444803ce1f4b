package org.chizu.opendata.query;

/** The {@code bbox} and {@code bbox-crs} parameters: "minLon,minLat,maxLon,maxLat", in CRS84 unless told. */
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
        String[] parts = bbox.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox needs four numbers: minLon,minLat,maxLon,maxLat (got '" + bbox + "')");
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox value '" + parts[i] + "' is not a number");
            }
        }
        OutputCrs boxCrs = crs == null || crs.isBlank() ? OutputCrs.WGS84 : OutputCrs.parse(crs);
        return new BoundingBox(values[0], values[1], values[2], values[3], boxCrs);
    }
}
