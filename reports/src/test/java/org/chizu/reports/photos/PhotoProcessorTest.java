package org.chizu.reports.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.chizu.reports.ReportProblem;
import org.chizu.reports.ReportsProperties;
import org.chizu.reports.TestPhotos;
import org.junit.jupiter.api.Test;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;

class PhotoProcessorTest {

    final PhotoProcessor processor = new PhotoProcessor(ReportsProperties.defaults());

    @Test
    void aPhotoWithGpsExifIsStoredWithoutAnyExifAndUpright() throws Exception {
        byte[] upload = TestPhotos.jpegWithGps(400, 300, 131.8430, 34.6714, 6);
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload));
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation().getLatitude()).isEqualTo(34.6714, offset(1e-4));

        ProcessedPhoto stored = processor.process(upload);

        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored.jpeg()));
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(new String(stored.jpeg(), StandardCharsets.ISO_8859_1)).doesNotContain("ChizuPhone");
        assertThat(stored.width()).as("orientation 6 turned the landscape photo upright").isEqualTo(300);
        assertThat(stored.height()).isEqualTo(400);
    }

    @Test
    void theThumbnailIsSmallAndAlsoWithoutMetadata() throws Exception {
        ProcessedPhoto stored = processor.process(TestPhotos.jpegWithGps(2400, 1800, 131.84, 34.67, 1));

        assertThat(Math.max(stored.width(), stored.height())).isEqualTo(PhotoProcessor.MAX_EDGE);
        Metadata thumbnail = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored.thumbnail()));
        assertThat(thumbnail.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(ImageIO.read(new ByteArrayInputStream(stored.thumbnail())).getWidth())
                .isEqualTo(PhotoProcessor.THUMBNAIL_EDGE);
    }

    @Test
    void aPngIsAcceptedAndStoredAsJpeg() {
        ProcessedPhoto stored = processor.process(TestPhotos.png(120, 80));

        assertThat(stored.jpeg()[0]).isEqualTo((byte) 0xFF);
        assertThat(stored.jpeg()[1]).isEqualTo((byte) 0xD8);
    }

    @Test
    void theTypeIsToldByContentNotByName() {
        byte[] heic = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
        byte[] gif = "GIF89a....".getBytes(StandardCharsets.US_ASCII);

        for (byte[] upload : new byte[][] {heic, gif, "a script saved as photo.jpg".getBytes(StandardCharsets.UTF_8)}) {
            assertThatThrownBy(() -> processor.process(upload)).isInstanceOfSatisfying(ReportProblem.class,
                    p -> assertThat(p.getStatusCode().value()).isEqualTo(415));
        }
    }

    @Test
    void aTruncatedJpegIsRefusedAsUnreadable() {
        byte[] whole = TestPhotos.jpeg(300, 200);
        byte[] truncated = Arrays.copyOf(whole, 40);

        assertThatThrownBy(() -> processor.process(truncated)).isInstanceOfSatisfying(ReportProblem.class,
                p -> assertThat(p.getStatusCode().value()).isEqualTo(400));
    }

    @Test
    void aPhotoOverTheSizeCapIsRefusedUnread() {
        PhotoProcessor strict = new PhotoProcessor(new ReportsProperties(2048L, null, null, null));

        assertThatThrownBy(() -> strict.process(TestPhotos.jpeg(1200, 900))).isInstanceOfSatisfying(ReportProblem.class,
                p -> assertThat(p.getStatusCode().value()).isEqualTo(413));
    }
}
