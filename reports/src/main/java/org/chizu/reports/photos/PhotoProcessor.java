package org.chizu.reports.photos;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

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
     * @param position the photo's place in its report (1, 2 …), which every refusal names
     * @throws ReportProblem 413 when the upload or its pixel count is larger than allowed (the pixel
     *                       count is read from the header, before anything is decoded), 415 when it
     *                       is not a JPEG or PNG image by content, 422 when it cannot be decoded in full
     */
    public ProcessedPhoto process(int position, byte[] upload) {
        if (upload.length > properties.maxPhotoBytes()) {
            throw problem(position, HttpStatus.PAYLOAD_TOO_LARGE, "photo-too-large", "Photo too large",
                    "は " + megabytes() + " MB を超えています。1枚 " + megabytes() + " MB までです。",
                    "is larger than " + megabytes() + " MB, the most a photo may be.");
        }
        if (PhotoType.of(upload).isEmpty()) {
            throw problem(position, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "photo-type", "Photo type not accepted",
                    "は JPEG でも PNG でもありません。JPEG か PNG で送ってください（HEIC は JPEG に変換して送られます）。",
                    "is neither JPEG nor PNG. Send photos as JPEG or PNG (HEIC photos are sent as JPEG by the page).");
        }
        BufferedImage image = decode(position, upload);
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
            throw unreadable(position);
        }
    }

    private long megabytes() {
        return properties.maxPhotoBytes() / (1024 * 1024);
    }

    /**
     * Decodes after checking the pixel count the header declares, so that a decompression bomb (a
     * small file of 30000 × 30000 pixels) is refused undecoded. A JPEG cut short decodes with grey
     * where the rest would be and only a warning, so any warning refuses the photo as damaged.
     */
    private static BufferedImage decode(int position, byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unreadable(position);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw problem(position, HttpStatus.PAYLOAD_TOO_LARGE, "photo-too-large", "Photo too large",
                            "の画素数（" + reader.getWidth(0) + "×" + reader.getHeight(0) + "）が多すぎます。",
                            "has too many pixels (" + reader.getWidth(0) + " × " + reader.getHeight(0) + "; at most "
                                    + MAX_PIXELS / 1_000_000 + " million).");
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw unreadable(position);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ReportProblem problem) {
                throw problem;
            }
            throw unreadable(position);
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

    private static ReportProblem unreadable(int position) {
        return problem(position, HttpStatus.UNPROCESSABLE_ENTITY, "photo-unreadable", "Photo cannot be read",
                "を読み込めませんでした。壊れているか、途中までしか送られていません。",
                "cannot be read: it is damaged or incomplete.");
    }

    /** A refusal that names the photo in words and as the member {@code photo} (its position). */
    private static ReportProblem problem(int position, HttpStatus status, String type, String title, String ja, String en) {
        ReportProblem problem = new ReportProblem(status, type, title, new Label("写真 " + position + " " + ja, "Photo " + position + " " + en));
        problem.getBody().setProperty("photo", position);
        return problem;
    }
}
