package dev.counterpoint.classify.jobs;

import java.time.Instant;

/** A job as the API and pages report it. */
public record JobStatus(
        long id,
        String kind,
        String status,
        int done,
        int total,
        Long documentId,
        String codebook,
        String model,
        String requestedBy,
        String error,
        Instant createdAt,
        Instant finishedAt) {

    static JobStatus of(Job job) {
        return new JobStatus(
                job.id,
                job.kind,
                job.status,
                job.done,
                job.total,
                job.document == null ? null : job.document.id,
                job.codebook.slug,
                job.modelVersion == null ? null : job.modelVersion.name,
                job.requestedBy,
                job.error,
                job.createdAt,
                job.finishedAt);
    }

    public boolean open() {
        return "queued".equals(status) || "running".equals(status);
    }
}
