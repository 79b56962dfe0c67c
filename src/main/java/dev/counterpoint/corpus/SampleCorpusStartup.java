package dev.counterpoint.corpus;

import dev.counterpoint.codebook.CodebookStartup;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Imports the bundled sample into an empty database, so a fresh install has something to look at. */
@Singleton
public class SampleCorpusStartup {

    private static final Logger LOG = Logger.getLogger(SampleCorpusStartup.class);

    @Inject
    CorpusImporter importer;

    @ConfigProperty(name = "counterpoint.sample.import-on-empty", defaultValue = "true")
    boolean importOnEmpty;

    @Transactional
    void onStart(@Observes @Priority(CodebookStartup.PRIORITY + 10) StartupEvent event) {
        if (importOnEmpty && Document.count() == 0) {
            Document document = importer.importDocument(SampleCorpus.load()).document();
            LOG.infof("Imported the bundled sample \"%s\" (document %d)", document.title, document.id);
        }
    }
}
