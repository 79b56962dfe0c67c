package dev.counterpoint.dashboard;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The dashboards: the files shipped in {@code dashboards/} (packaged on the classpath) and those in
 * COUNTERPOINT_DASHBOARDS_DIR, loaded at start. A bad file is reported, by name and field, and skipped; the
 * others still load.
 */
@ApplicationScoped
public class DashboardCatalog {

    public record Problem(String file, String message) {}

    private static final Logger LOG = Logger.getLogger(DashboardCatalog.class);

    @ConfigProperty(name = "counterpoint.dashboards.dir")
    Optional<Path> folder;

    private volatile Map<String, DashboardFile> dashboards = Map.of();
    private volatile List<Problem> problems = List.of();

    void onStart(@Observes StartupEvent event) {
        reload();
    }

    public synchronized void reload() {
        Map<String, DashboardFile> loaded = new LinkedHashMap<>();
        List<Problem> found = new ArrayList<>();
        Map<String, String> files = new LinkedHashMap<>(bundledFiles());
        folder.ifPresent(dir -> files.putAll(folderFiles(dir, found)));
        files.forEach((name, content) -> {
            try {
                DashboardFile dashboard = DashboardFile.parse(content, name);
                if (loaded.putIfAbsent(dashboard.id(), dashboard) != null) {
                    throw new InvalidDashboardException(name + ": field 'id' must be unique; '" + dashboard.id()
                            + "' is used by another dashboard.");
                }
            } catch (InvalidDashboardException e) {
                LOG.warnf("Dashboard skipped: %s", e.getMessage());
                found.add(new Problem(name, e.getMessage()));
            }
        });
        dashboards = Collections.unmodifiableMap(loaded);
        problems = List.copyOf(found);
    }

    public List<DashboardFile> all() {
        return List.copyOf(dashboards.values());
    }

    public Optional<DashboardFile> find(String id) {
        return Optional.ofNullable(dashboards.get(id));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The bundled files, from the build's classes folder or from inside the application jar. */
    private static Map<String, String> bundledFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            URL url = Thread.currentThread().getContextClassLoader().getResource("dashboards");
            if (url == null) {
                return files;
            }
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    read(jar.getPath("/dashboards"), "dashboards/", files);
                } catch (java.nio.file.FileSystemAlreadyExistsException open) {
                    read(FileSystems.getFileSystem(uri).getPath("/dashboards"), "dashboards/", files);
                }
            } else {
                read(Path.of(uri), "dashboards/", files);
            }
        } catch (IOException | URISyntaxException e) {
            LOG.warnf("The bundled dashboards could not be read: %s", e.getMessage());
        }
        return files;
    }

    private static Map<String, String> folderFiles(Path dir, List<Problem> problems) {
        Map<String, String> files = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir.toString(), "The dashboards folder " + dir + " does not exist."));
            return files;
        }
        try {
            read(dir, dir + "/", files);
        } catch (IOException e) {
            problems.add(new Problem(dir.toString(), "The dashboards folder could not be read: " + e.getMessage()));
        }
        return files;
    }

    private static void read(Path dir, String prefix, Map<String, String> files) throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path path : paths.sorted().toList()) {
                String name = path.getFileName().toString();
                if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
                    files.put(prefix + name, Files.readString(path, StandardCharsets.UTF_8));
                }
            }
        }
    }
}
