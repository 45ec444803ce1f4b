package org.chizu.reports;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Photos as phones send them: a JPEG with the camera's GPS position, make and orientation in EXIF. */
public final class TestPhotos {

    private TestPhotos() {
    }

    /** A plain JPEG, wider than tall, without metadata. */
    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height), "png");
    }

    /**
     * A small PNG whose header declares {@code width} × {@code height} pixels: what a decompression
     * bomb looks like to a reader before it decodes.
     */
    public static byte[] pngDeclaring(int width, int height) {
        byte[] png = png(16, 16);
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, width).putInt(20, height); // IHDR's data follows the signature, length and type
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // the chunk type and its 13 bytes of data
        header.putInt(29, (int) crc.getValue());
        return png;
    }

    /** A small JPEG whose frame header (SOF0) declares {@code width} × {@code height} pixels. */
    public static byte[] jpegDeclaring(int width, int height) {
        byte[] jpeg = jpeg(16, 16);
        for (int i = 2; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                ByteBuffer.wrap(jpeg).putShort(i + 5, (short) height).putShort(i + 7, (short) width);
                return jpeg;
            }
        }
        throw new IllegalStateException("the encoder wrote no baseline frame header");
    }

    /**
     * A JPEG with EXIF: GPS at the given point, camera make "ChizuPhone", and an orientation
     * (6 = the camera was turned 90° clockwise, so viewers rotate it upright).
     */
    public static byte[] jpegWithGps(int width, int height, double lon, double lat, int orientation) {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(lon, lat);
            TiffOutputDirectory root = exif.getOrCreateRootDirectory();
            root.add(TiffTagConstants.TIFF_TAG_MAKE, "ChizuPhone");
            root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg(width, height), out, exif);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x55, 0x55, 0x55));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
