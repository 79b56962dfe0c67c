package dev.counterpoint.classify.jobs;

import dev.counterpoint.codebook.Codebook;
import dev.counterpoint.codebook.CodebookChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Once a codebook change has committed, its documents are labelled again against the new version's targets. */
@ApplicationScoped
public class CodebookChangeClassification {

    @Inject
    JobQueue queue;

    @Inject
    dev.counterpoint.classify.model.ModelRegistry models;

    @Inject
    ClassificationWorker worker;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CodebookChanged change) {
        Codebook codebook = Codebook.findById(change.codebookId());
        queue.classifyCodebook(codebook, models.current(codebook), change.changedBy());
        worker.wake();
    }
}
