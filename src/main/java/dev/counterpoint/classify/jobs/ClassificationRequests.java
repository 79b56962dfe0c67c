package dev.counterpoint.classify.jobs;

import dev.counterpoint.classify.model.ModelRegistry;
import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.platform.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Map;

/** What people ask of the classifier (from pages, the API and the command line), queued as background jobs. */
@ApplicationScoped
public class ClassificationRequests {

    @Inject
    JobQueue queue;

    @Inject
    ModelRegistry models;

    @Inject
    ClassificationWorker worker;

    @Inject
    AuditLog audit;

    /** Labels one document with its codebook's current model. */
    @Transactional
    public JobStatus classifyDocument(long documentId, String requestedBy) {
        Document document = Document.<Document>findByIdOptional(documentId)
                .orElseThrow(() -> new NotFoundException("There is no document " + documentId + "."));
        Job job = queue.classifyDocument(document, models.current(document.codebook), requestedBy);
        audit.record(requestedBy, "classify", "document " + documentId, Map.of("job", job.id));
        worker.wake();
        return JobStatus.of(job);
    }

    /** Labels every document, one job per codebook in use. */
    @Transactional
    public List<JobStatus> classifyEverything(String requestedBy) {
        List<Codebook> codebooks = Codebook.list("id in (select d.codebook.id from Document d)");
        List<JobStatus> jobs = codebooks.stream()
                .map(codebook -> JobStatus.of(queue.classifyCodebook(codebook, models.current(codebook), requestedBy)))
                .toList();
        audit.record(requestedBy, "classify", "all documents", Map.of("jobs", jobs.size()));
        worker.wake();
        return jobs;
    }

    /** Trains a model from the people's labels on the codebook's documents, then labels them all with it. */
    @Transactional
    public JobStatus train(String codebookSlug, String requestedBy) {
        Codebook codebook = Codebook.findBySlug(codebookSlug)
                .orElseThrow(() -> new NotFoundException("There is no codebook '" + codebookSlug + "'."));
        Job job = queue.train(codebook, requestedBy);
        audit.record(requestedBy, "train", "codebook " + codebookSlug, Map.of("job", job.id));
        worker.wake();
        return JobStatus.of(job);
    }

    @Transactional
    public JobStatus status(long jobId) {
        return JobStatus.of(Job.<Job>findByIdOptional(jobId)
                .orElseThrow(() -> new NotFoundException("There is no job " + jobId + ".")));
    }

    @Transactional
    public List<JobStatus> recent(int limit) {
        return Job.recent(limit).stream().map(JobStatus::of).toList();
    }
}
