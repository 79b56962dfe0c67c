package dev.counterpoint.classify.jobs;

import dev.counterpoint.classify.ClassifierConfig;
import dev.counterpoint.codebook.CodebookStartup;
import dev.counterpoint.corpus.Document;
import dev.counterpoint.corpus.SampleCorpus;
import dev.counterpoint.labels.CurrentLabel;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/** Queues the bundled sample for classification on first start, so its page soon shows real labels. */
@Singleton
public class SampleClassificationStartup {

    @Inject
    ClassificationRequests requests;

    @Inject
    ClassifierConfig config;

    @Transactional
    void onStart(@Observes @Priority(CodebookStartup.PRIORITY + 20) StartupEvent event) {
        if (!config.classifySampleOnStart()) {
            return;
        }
        Document.findByExternalKey(SampleCorpus.EXTERNAL_KEY)
                .filter(sample -> CurrentLabel.countForDocument(sample) == 0)
                .filter(sample -> Job.latestForDocument(sample).isEmpty())
                .ifPresent(sample -> requests.classifyDocument(sample.id, "counterpoint"));
    }
}
