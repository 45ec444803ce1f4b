package org.chizu.forestry.clip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.chizu.accounts.Identity;
import org.chizu.forestry.access.Application;
import org.chizu.forestry.access.Applications;
import org.chizu.forestry.access.DataProduct;
import org.chizu.forestry.access.Downloads;
import org.chizu.forestry.laser.LaserArchive;
import org.chizu.platform.jobs.Job;
import org.chizu.platform.jobs.JobResultUnavailableException;
import org.chizu.platform.jobs.JobState;
import org.chizu.platform.jobs.Jobs;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Firms' clip jobs: planned and limited before they start (points per job, points per organisation
 * and month), run by {@link ClipJobHandler}, and their files served only to the members of the
 * organisation whose approved application they were made for. Every file of survey data served is
 * logged for the town's KPI.
 */
@Service
@EnableConfigurationProperties(ClipLimits.class)
public class ClipJobs {

    /** The clip jobs a firm's page lists, newest first. */
    private static final int LISTED = 50;

    private final ClipPlans plans;
    private final Applications applications;
    private final Downloads downloads;
    private final Jobs jobs;
    private final LaserArchive archive;
    private final ClipLimits limits;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ClipJobs(ClipPlans plans, Applications applications, Downloads downloads, Jobs jobs, LaserArchive archive,
            ClipLimits limits, JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.plans = plans;
        this.applications = applications;
        this.downloads = downloads;
        this.jobs = jobs;
        this.archive = archive;
        this.limits = limits;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** A clip job as its firm sees it: the platform's job, what it was estimated at, and its files once done. */
    public record ClipJob(Job job, long application, long survey, long estimatedPoints, long estimatedBytes,
            ClipManifest manifest) {
    }

    /** A file to serve, and the approved application its download is logged under. */
    public record ServedFile(Path file, String name, String mediaType, String sha256, DataProduct product,
            Downloads.Grant grant, long survey) {
    }

    public ClipLimits limits() {
        return limits;
    }

    /**
     * The points this organisation's jobs were estimated at this month (Japan time), but for jobs
     * cancelled before they started: those read nothing.
     */
    public long usedThisMonth(long organisation) {
        record Estimate(long job, long points) {
        }
        return jdbc.query("""
                select job_id, estimated_points from forestry_clip_job
                where organisation_id = ? and started_at >= date_trunc('month', now() at time zone 'Asia/Tokyo') at time zone 'Asia/Tokyo'""",
                (rs, n) -> new Estimate(rs.getLong(1), rs.getLong(2)), organisation).stream()
                .filter(estimate -> jobs.find(estimate.job()).filter(ClipJobs::neverRan).isEmpty())
                .mapToLong(Estimate::points).sum();
    }

    private static boolean neverRan(Job job) {
        return job.state() == JobState.CANCELLED && job.startedAt() == null;
    }

    /**
     * What a clip job of each survey the application's area overlaps would make.
     *
     * @throws ClipProblem 403 when it is no approved application of the caller's organisations
     */
    public List<ClipPlan> plans(Identity caller, long applicationId) {
        return plans.of(applicationId, approved(caller, applicationId).products());
    }

    /**
     * Queues a clip job of one survey to an approved application's area, after its estimate passed the limits.
     *
     * @throws ClipProblem 403 for an application that is not the caller's organisations' approved one;
     *                     400 when it overlaps nothing of the survey to clip; 422 above the per-job point
     *                     limit; 429 when the organisation's monthly quota would be passed
     */
    public ClipJob start(Identity caller, long applicationId, long surveyId) {
        Application application = approved(caller, applicationId);
        ClipPlan plan = plans.of(applicationId, application.products()).stream()
                .filter(candidate -> candidate.survey() == surveyId && !candidate.products().isEmpty()).findFirst()
                .orElseThrow(() -> ClipProblem.notClippable(applicationId, surveyId));
        if (plan.points() > limits.maxPointsPerJob()) {
            throw ClipProblem.tooManyPoints(plan.points(), limits.maxPointsPerJob());
        }
        long organisation = application.organisation();
        return transaction.execute(tx -> {
            // one start at a time per organisation, so two cannot both pass the quota
            jdbc.queryForList("select pg_advisory_xact_lock(hashtext('forestry.clip'), ?::int)", organisation);
            long used = usedThisMonth(organisation);
            if (used + plan.points() > limits.maxPointsPerOrganisationPerMonth()) {
                throw ClipProblem.quotaExceeded(organisation, used, plan.points(), limits.maxPointsPerOrganisationPerMonth());
            }
            Job job = jobs.submit(ClipJobHandler.KIND, caller.name(), new ClipOrder(applicationId, organisation, caller.id(),
                    surveyId, plan.surveyName(), plan.surveyingBody(), plan.srid(), plan.products(), plan.points()));
            jdbc.update("""
                    insert into forestry_clip_job (job_id, application_id, organisation_id, account_id, survey_id, estimated_points, estimated_bytes)
                    values (?, ?, ?, ?, ?, ?, ?)""", job.id(), applicationId, organisation, caller.id(), surveyId, plan.points(), plan.bytes());
            return new ClipJob(job, applicationId, surveyId, plan.points(), plan.bytes(), null);
        });
    }

    /** The caller's own clip jobs, newest first, with the manifest of those done. */
    public List<ClipJob> mine(Identity caller) {
        record Row(long job, long application, long survey, long points, long bytes) {
        }
        return jdbc.query("""
                select job_id, application_id, survey_id, estimated_points, estimated_bytes from forestry_clip_job
                where account_id = ? order by job_id desc limit ?""",
                (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)), caller.id(), LISTED)
                .stream().flatMap(row -> jobs.find(row.job()).map(job -> new ClipJob(job, row.application(), row.survey(),
                        row.points(), row.bytes(), manifest(job).orElse(null))).stream()).toList();
    }

    /**
     * One file of a done clip job of the caller's: the manifest or a file it lists.
     *
     * @throws ClipProblem 404 for someone else's or an unknown job, or a file it does not have
     * @throws org.chizu.platform.jobs.JobResultUnavailableException when the job is not done or its files expired
     */
    public ServedFile file(Identity caller, long jobId, String name) {
        record Row(long application, long organisation, long survey) {
        }
        Row row = jdbc.query("select application_id, organisation_id, survey_id from forestry_clip_job where job_id = ? and account_id = ?",
                (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3)), jobId, caller.id()).stream().findFirst()
                .filter(found -> Applications.organisationsOf(caller).contains(found.organisation()))
                .orElseThrow(() -> ClipProblem.unknownJob(jobId));
        Job job = jobs.find(jobId).orElseThrow(() -> ClipProblem.unknownJob(jobId));
        Path manifestFile = jobs.resultFile(job);
        Downloads.Grant grant = new Downloads.Grant(row.application(), row.organisation());
        if (name.equals(ClipManifest.FILE_NAME)) {
            return new ServedFile(manifestFile, name, job.result().mediaType(), job.result().sha256(), null, grant, row.survey());
        }
        ClipManifest.File file = manifest(job).flatMap(manifest -> manifest.file(name))
                .orElseThrow(() -> ClipProblem.unknownFile(jobId, name));
        return new ServedFile(manifestFile.resolveSibling(file.name()), file.name(), file.mediaType(), file.sha256(),
                DataProduct.of(file.product()).orElseThrow(), grant, row.survey());
    }

    /**
     * An archived tile, whole, for a member of an organisation whose approved application names the
     * point cloud and overlaps the tile.
     *
     * @throws ClipProblem 404 for an unknown tile, 403 without such an application
     */
    public ServedFile tile(Identity caller, long tileId) {
        record Tile(long survey, String name, boolean compressed) {
        }
        Tile tile = jdbc.query("select survey_id, file_name, compressed from laser_tile where id = ?",
                (rs, n) -> new Tile(rs.getLong(1), rs.getString(2), rs.getBoolean(3)), tileId).stream().findFirst()
                .orElseThrow(() -> ClipProblem.unknownTile(tileId));
        Downloads.Grant grant = jdbc.query("""
                select a.id, a.organisation_id from forestry_application a join laser_tile t on ST_Intersects(t.footprint, a.area)
                where t.id = ? and a.organisation_id = any(?) and a.status = 'approved' and 'point_cloud' = any(a.products)
                order by a.id limit 1""", (rs, n) -> new Downloads.Grant(rs.getLong(1), rs.getLong(2)), tileId,
                Applications.organisationsOf(caller).toArray(Long[]::new)).stream().findFirst()
                .orElseThrow(() -> ClipProblem.tileNotApproved(tileId));
        return new ServedFile(archive.file(tileId), tile.name(), tile.compressed() ? "application/vnd.laszip" : ClipJobHandler.LAS,
                null, DataProduct.POINT_CLOUD, grant, tile.survey());
    }

    /** Logs the download of survey data (not of a manifest) for the town's KPI. */
    public void logDownload(Identity caller, ServedFile served) {
        if (served.product() == null) {
            return;
        }
        try {
            downloads.log(served.grant(), caller.id(), served.survey(), served.product(), Files.size(served.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Application approved(Identity caller, long applicationId) {
        Set<Long> organisations = Applications.organisationsOf(caller);
        return applications.of(organisations).stream()
                .filter(application -> application.id() == applicationId && application.status().equals("approved")).findFirst()
                .orElseThrow(() -> ClipProblem.notApproved(applicationId));
    }

    private Optional<ClipManifest> manifest(Job job) {
        if (job.state() != JobState.DONE || job.result() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ClipManifest.read(jobs.resultFile(job)));
        } catch (IOException | JobResultUnavailableException expiredMeanwhile) {
            return Optional.empty();
        }
    }
}
