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

        ProcessedPhoto stored = processor.process(1, upload);

        Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored.jpeg()));
        assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(new String(stored.jpeg(), StandardCharsets.ISO_8859_1)).doesNotContain("ChizuPhone");
        assertThat(stored.width()).as("orientation 6 turned the landscape photo upright").isEqualTo(300);
        assertThat(stored.height()).isEqualTo(400);
    }

    @Test
    void theThumbnailIsSmallAndAlsoWithoutMetadata() throws Exception {
        ProcessedPhoto stored = processor.process(1, TestPhotos.jpegWithGps(2400, 1800, 131.84, 34.67, 1));

        assertThat(Math.max(stored.width(), stored.height())).isEqualTo(PhotoProcessor.MAX_EDGE);
        Metadata thumbnail = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored.thumbnail()));
        assertThat(thumbnail.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(ImageIO.read(new ByteArrayInputStream(stored.thumbnail())).getWidth())
                .isEqualTo(PhotoProcessor.THUMBNAIL_EDGE);
    }

    @Test
    void aPngIsAcceptedAndStoredAsJpeg() {
        ProcessedPhoto stored = processor.process(1, TestPhotos.png(120, 80));

        assertThat(stored.jpeg()[0]).isEqualTo((byte) 0xFF);
        assertThat(stored.jpeg()[1]).isEqualTo((byte) 0xD8);
    }

    @Test
    void theTypeIsToldByContentNotByName() {
        byte[] heic = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
        byte[] gif = "GIF89a....".getBytes(StandardCharsets.US_ASCII);

        for (byte[] upload : new byte[][] {heic, gif, "a script saved as photo.jpg".getBytes(StandardCharsets.UTF_8)}) {
            assertThatThrownBy(() -> processor.process(1, upload)).isInstanceOfSatisfying(ReportProblem.class,
                    p -> assertThat(p.getStatusCode().value()).isEqualTo(415));
        }
    }

    @Test
    void aJpegCutShortIsRefusedAsUnreadableNamingThePhoto() {
        byte[] whole = TestPhotos.jpeg(300, 200);

        for (int length : new int[] {40, whole.length / 2, whole.length - 2}) {
            byte[] truncated = Arrays.copyOf(whole, length);
            assertThatThrownBy(() -> processor.process(2, truncated)).as("cut at %d of %d bytes", length, whole.length)
                    .isInstanceOfSatisfying(ReportProblem.class, p -> {
                        assertThat(p.getStatusCode().value()).isEqualTo(422);
                        assertThat(p.getBody().getProperties()).containsEntry("photo", 2);
                        assertThat(p.message().ja()).startsWith("写真 2 ");
                    });
        }
    }

    @Test
    void aPngCutShortIsRefusedAsUnreadable() {
        byte[] whole = TestPhotos.png(300, 200);

        assertThatThrownBy(() -> processor.process(1, Arrays.copyOf(whole, whole.length / 2)))
                .isInstanceOfSatisfying(ReportProblem.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(422));
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutBeingDecoded() {
        // Decoding 30000 × 30000 pixels would take 2.7 GB; the test's heap is far smaller.
        for (byte[] bomb : new byte[][] {TestPhotos.pngDeclaring(30_000, 30_000), TestPhotos.jpegDeclaring(30_000, 30_000)}) {
            assertThatThrownBy(() -> processor.process(3, bomb)).isInstanceOfSatisfying(ReportProblem.class, p -> {
                assertThat(p.getStatusCode().value()).isEqualTo(413);
                assertThat(p.message().en()).startsWith("Photo 3 ").contains("30000 × 30000");
            });
        }
    }

    @Test
    void aPhotoOverTheSizeCapIsRefusedUnread() {
        PhotoProcessor strict = new PhotoProcessor(new ReportsProperties(2048L, null, null, null));

        assertThatThrownBy(() -> strict.process(1, TestPhotos.jpeg(1200, 900))).isInstanceOfSatisfying(ReportProblem.class,
                p -> assertThat(p.getStatusCode().value()).isEqualTo(413));
    }
}
