package org.chizu.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class ReportIntakeTest extends ReportsTest {

    @Test
    void aReportAndItsPhotosAreStoredTogether() {
        Receipt receipt = submit("pothole", BY_THE_MUNICIPAL_ROAD,
                List.of(TestPhotos.jpeg(800, 600), TestPhotos.png(300, 200)));

        assertThat(receipt.photos()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from report_photo where report_id = ?", Integer.class, receipt.id()))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select moderation from report where id = ?", String.class, receipt.id()))
                .as("a new report waits for moderation before it is public").isEqualTo("new");
    }

    @Test
    void aRetriedSubmissionReturnsTheFirstReceiptAndStoresNothingNew() {
        String key = UUID.randomUUID().toString();
        NewReport report = report(key, "pothole", BY_THE_MUNICIPAL_ROAD, "段差があります", null, List.of(TestPhotos.jpeg(400, 300)));

        Receipt first = intake.submit(report);
        Receipt retry = intake.submit(report);

        assertThat(first.alreadyFiled()).isFalse();
        assertThat(retry.alreadyFiled()).isTrue();
        assertThat(retry.id()).isEqualTo(first.id());
        assertThat(jdbc.queryForObject("select count(*) from report where submission_key = ?", Integer.class, key)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from report_photo where report_id = ?", Integer.class, first.id())).isEqualTo(1);
    }

    @Test
    void concurrentRetriesOfOneSubmissionFileOneReport() throws Exception {
        String key = UUID.randomUUID().toString();
        NewReport report = report(key, "pothole", BY_THE_MUNICIPAL_ROAD, "同時に送信", null, List.of(TestPhotos.jpeg(400, 300)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Receipt>> retries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                retries.add(() -> intake.submit(report));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Receipt> receipt : pool.invokeAll(retries)) {
                ids.add(receipt.get().id());
            }
            assertThat(ids).containsOnly(ids.getFirst());
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from report where submission_key = ?", Integer.class, key)).isEqualTo(1);
    }

    @Test
    void whenAPhotoCannotBeStoredNeitherTheReportNorAnyPhotoRemains() {
        // The database refuses the second photo half-way through the transaction, as a crash would end it.
        jdbc.execute("""
                create function refuse_second_photo() returns trigger language plpgsql as $$
                begin
                  if new.position = 2 then raise exception 'disk full'; end if;
                  return new;
                end $$""");
        jdbc.execute("create trigger refuse_second_photo before insert on report_photo for each row execute function refuse_second_photo()");
        String key = UUID.randomUUID().toString();
        int photosBefore = jdbc.queryForObject("select count(*) from report_photo", Integer.class);
        try {
            assertThatThrownBy(() -> intake.submit(report(key, "pothole", BY_THE_MUNICIPAL_ROAD, "二枚の写真", null,
                    List.of(TestPhotos.jpeg(400, 300), TestPhotos.jpeg(300, 400))))).hasMessageContaining("disk full");
        } finally {
            jdbc.execute("drop trigger refuse_second_photo on report_photo");
            jdbc.execute("drop function refuse_second_photo()");
        }
        assertThat(jdbc.queryForObject("select count(*) from report where submission_key = ?", Integer.class, key)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from report_photo", Integer.class)).isEqualTo(photosBefore);
    }

    @Test
    void aPhotoThatIsNoImageRefusesTheWholeReportBeforeAnythingIsStored() {
        String key = UUID.randomUUID().toString();

        assertThatThrownBy(() -> intake.submit(report(key, "pothole", BY_THE_MUNICIPAL_ROAD, "写真つき", null,
                List.of(TestPhotos.jpeg(400, 300), "<html>not a photo</html>".getBytes()))))
                .isInstanceOfSatisfying(ReportProblem.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(415));
        assertThat(jdbc.queryForObject("select count(*) from report where submission_key = ?", Integer.class, key)).isZero();
    }

    @Test
    void anEmptyDescriptionIsRefused() {
        assertThatThrownBy(() -> intake.submit(report(UUID.randomUUID().toString(), "pothole", BY_THE_MUNICIPAL_ROAD,
                "   ", null, List.of())))
                .isInstanceOfSatisfying(ReportProblem.class, p -> {
                    assertThat(p.getStatusCode().value()).isEqualTo(400);
                    assertThat(p.message().ja()).isEqualTo("状況を入力してください。");
                });
    }

    @Test
    void anOverlongDescriptionIsRefusedAsTooLarge() {
        assertThatThrownBy(() -> intake.submit(report(UUID.randomUUID().toString(), "pothole", BY_THE_MUNICIPAL_ROAD,
                "穴".repeat(2001), null, List.of())))
                .isInstanceOfSatisfying(ReportProblem.class, p -> assertThat(p.getStatusCode().value()).isEqualTo(413));
    }

    @Test
    void moreThanThreePhotosAreRefused() {
        byte[] photo = TestPhotos.jpeg(200, 100);
        assertThatThrownBy(() -> submit("pothole", BY_THE_MUNICIPAL_ROAD, List.of(photo, photo, photo, photo)))
                .isInstanceOfSatisfying(ReportProblem.class, p -> assertThat(p.message().en()).contains("at most 3 photos"));
    }

    @Test
    void anUnknownCategoryNamesTheOnesThereAre() {
        assertThatThrownBy(() -> submit("graffiti", BY_THE_MUNICIPAL_ROAD, List.of()))
                .hasMessageContaining("pothole, fallen_tree, street_light, guardrail, water_leak");
    }
}
