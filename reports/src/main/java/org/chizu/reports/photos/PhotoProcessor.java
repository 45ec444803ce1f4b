package org.chizu.reports.photos;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.chizu.platform.Label;
import org.chizu.reports.ReportProblem;
import org.chizu.reports.ReportsProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Turns an uploaded photo into what Chizu stores: the type is told by the bytes (JPEG or PNG), never
 * by the file name, so a phone's HEIC photo converted to JPEG on upload is accepted and anything else
 * is refused; the image is decoded, turned upright by its EXIF orientation and encoded afresh, which
 * leaves every piece of metadata (GPS position, camera, owner) behind. Runs before any transaction.
 */
@Component
public class PhotoProcessor {

    /** Longest edge of a stored photo: plenty to judge damage, small enough to store many. */
    public static final int MAX_EDGE = 2048;
    public static final int THUMBNAIL_EDGE = 320;
    /** Guards against images that are small files but expand to gigabytes when decoded. */
    static final long MAX_PIXELS = 50_000_000L;

    private final ReportsProperties properties;

    public PhotoProcessor(ReportsProperties properties) {
        this.properties = properties;
    }

    /**
     * @throws ReportProblem 413 when the upload is larger than allowed, 415 when it is not a JPEG or
     *                       PNG image by content, 400 when it cannot be decoded
     */
    public ProcessedPhoto process(byte[] upload) {
        if (upload.length > properties.maxPhotoBytes()) {
            throw new ReportProblem(HttpStatus.PAYLOAD_TOO_LARGE, "photo-too-large", "Photo too large",
                    new Label("写真は1枚 " + megabytes() + " MB までです。",
                            "A photo may be at most " + megabytes() + " MB."));
        }
        PhotoType.of(upload);
        BufferedImage image = decode(upload);
        try {
            Orientation orientation = orientationOf(upload);
            ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
            Thumbnails.Builder<BufferedImage> full = Thumbnails.of(image).imageType(BufferedImage.TYPE_INT_RGB)
                    .outputFormat("jpg").outputQuality(0.85);
            if (Math.max(image.getWidth(), image.getHeight()) > MAX_EDGE) {
                full.size(MAX_EDGE, MAX_EDGE);
            } else {
                full.scale(1.0);
            }
            if (orientation != null) {
                full.addFilter(ExifFilterUtils.getFilterForOrientation(orientation));
            }
            BufferedImage upright = full.asBufferedImage();
            Thumbnails.of(upright).scale(1.0).imageType(BufferedImage.TYPE_INT_RGB).outputFormat("jpg")
                    .outputQuality(0.85).toOutputStream(jpeg);
            ByteArrayOutputStream thumbnail = new ByteArrayOutputStream();
            Thumbnails.of(upright).size(THUMBNAIL_EDGE, THUMBNAIL_EDGE).imageType(BufferedImage.TYPE_INT_RGB)
                    .outputFormat("jpg").outputQuality(0.8).toOutputStream(thumbnail);
            return new ProcessedPhoto(jpeg.toByteArray(), thumbnail.toByteArray(), upright.getWidth(), upright.getHeight());
        } catch (IOException e) {
            throw unreadable();
        }
    }

    private long megabytes() {
        return properties.maxPhotoBytes() / (1024 * 1024);
    }

    /** Decodes after checking the declared size, so a decompression bomb is refused unread. */
    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
                    throw new ReportProblem(HttpStatus.PAYLOAD_TOO_LARGE, "photo-too-large", "Photo too large",
                            new Label("写真の画素数が多すぎます。", "The photo has too many pixels."));
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReportProblem problem) {
                throw problem;
            }
            throw unreadable();
        }
    }

    /** The EXIF orientation, or null when the photo has none (PNG) or it cannot be read. */
    private static Orientation orientationOf(byte[] upload) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload));
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return null;
            }
            return Orientation.typeOf(exif.getInt(ExifIFD0Directory.TAG_ORIENTATION));
        } catch (ImageProcessingException | MetadataException | IOException e) {
            return null;
        }
    }

    private static ReportProblem unreadable() {
        return new ReportProblem(HttpStatus.BAD_REQUEST, "photo-unreadable", "Photo cannot be read",
                new Label("写真を読み込めませんでした。壊れているか、途中までしか送られていません。",
                        "The photo cannot be read: it is damaged or incomplete."));
    }
}
