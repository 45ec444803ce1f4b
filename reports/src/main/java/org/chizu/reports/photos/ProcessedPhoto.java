package org.chizu.reports.photos;

/**
 * A photo as Chizu stores and serves it: re-encoded JPEG bytes that carry no metadata at all (no
 * EXIF, so no GPS position and no device), upright, at most {@link PhotoProcessor#MAX_EDGE} pixels
 * on the long edge, with a thumbnail of at most {@link PhotoProcessor#THUMBNAIL_EDGE}.
 */
public record ProcessedPhoto(byte[] jpeg, byte[] thumbnail, int width, int height) {
}
