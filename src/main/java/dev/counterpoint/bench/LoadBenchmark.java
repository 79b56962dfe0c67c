package dev.counterpoint.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many people at once against a running Counterpoint, over loopback HTTP as the pages call it: annotators, each
 * signed in with a session of their own, save labels on random comments (POST /api/items/{id}/labels with the CSRF
 * header) while viewers read chart panels. Bounded in time and in requests, so it always stops by itself. Prints
 * the saves and errors and p50/p95/max latency of each; the last line is machine-readable for the script's check.
 */
public final class LoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");
    private static final String[] SENTIMENTS = {"negative", "neutral", "positive"};
    private static final int MAX_REQUESTS_PER_PERSON = 100_000;
    private static final String PASSWORD = "load-test-password";

    record Settings(
            String base,
            String admin,
            String adminPassword,
            int annotators,
            int viewers,
            Duration length,
            long firstItem,
            long lastItem) {}

    private record Session(HttpClient http, String token) {}

    private final Settings settings;
    private final List<Double> saveMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> chartMillis = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong saveErrors = new AtomicLong();
    private final AtomicLong chartErrors = new AtomicLong();
    private final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());

    private LoadBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static int run(Settings settings) throws IOException, InterruptedException {
        return new LoadBenchmark(settings).run();
    }

    private int run() throws IOException, InterruptedException {
        Session admin = signIn(settings.admin(), settings.adminPassword(), "/admin/users");
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<Session> annotators = new ArrayList<>();
        for (int i = 0; i < settings.annotators(); i++) {
            annotators.add(account(admin, "load-" + run + "-a" + i, "annotator"));
        }
        List<Session> viewers = new ArrayList<>();
        for (int i = 0; i < settings.viewers(); i++) {
            viewers.add(account(admin, "load-" + run + "-v" + i, "viewer"));
        }
        List<String> panels = panels(admin);
        System.out.printf(
                Locale.ROOT,
                "%d annotators saving on comments %d..%d and %d viewers reading %d chart panels for %d s%n",
                annotators.size(),
                settings.firstItem(),
                settings.lastItem(),
                viewers.size(),
                panels.size(),
                settings.length().toSeconds());
        long deadline = System.nanoTime() + settings.length().toNanos();
        List<Thread> people = new ArrayList<>();
        for (Session annotator : annotators) {
            people.add(started(() -> annotate(annotator, deadline)));
        }
        for (Session viewer : viewers) {
            people.add(started(() -> view(viewer, panels, deadline)));
        }
        for (Thread person : people) {
            person.join();
        }
        double seconds = settings.length().toMillis() / 1000.0;
        System.out.printf(
                Locale.ROOT, "%-34s %8s %8s %8s %8s %8s%n", "what", "ok", "errors", "p50 ms", "p95 ms", "max ms");
        double saveP95 = report("label saves", saveMillis, saveErrors.get());
        double chartP95 = report("chart panels", chartMillis, chartErrors.get());
        System.out.printf(
                Locale.ROOT,
                "throughput: %.1f saves/s, %.1f chart reads/s%n",
                saveMillis.size() / seconds,
                chartMillis.size() / seconds);
        firstErrors.forEach(e -> System.out.println("error: " + e));
        System.out.printf(
                Locale.ROOT,
                "RESULT saves=%d save_errors=%d chart_reads=%d chart_errors=%d save_p95_ms=%.1f chart_p95_ms=%.1f "
                        + "annotator_prefix=load-%s-a%n",
                saveMillis.size(),
                saveErrors.get(),
                chartMillis.size(),
                chartErrors.get(),
                saveP95,
                chartP95,
                run);
        return saveErrors.get() == 0 && chartErrors.get() == 0 ? 0 : 1;
    }

    private static Thread started(Runnable person) {
        Thread thread = new Thread(person, "load-person");
        thread.start();
        return thread;
    }

    private void annotate(Session session, long deadline) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < MAX_REQUESTS_PER_PERSON && System.nanoTime() < deadline; i++) {
            long item = random.nextLong(settings.firstItem(), settings.lastItem() + 1);
            String body = "{\"labels\": [{\"dimension\": \"sentiment\", \"value\": \""
                    + SENTIMENTS[random.nextInt(SENTIMENTS.length)] + "\"}]}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.base() + "/api/items/" + item + "/labels"))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("X-CSRF-TOKEN", session.token())
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            timed(session, request, saveMillis, saveErrors);
        }
    }

    private void view(Session session, List<String> panels, long deadline) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < MAX_REQUESTS_PER_PERSON && System.nanoTime() < deadline; i++) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(settings.base() + panels.get(random.nextInt(panels.size()))))
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .build();
            timed(session, request, chartMillis, chartErrors);
        }
    }

    private void timed(Session session, HttpRequest request, List<Double> millis, AtomicLong errors) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = session.http().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                millis.add((System.nanoTime() - start) / 1e6);
                return;
            }
            error(errors, request.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
        } catch (IOException e) {
            error(errors, request.uri().getPath() + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void error(AtomicLong errors, String what) {
        if (errors.incrementAndGet() <= 3) {
            firstErrors.add(what.length() > 300 ? what.substring(0, 300) : what);
        }
    }

    /** Corpus panels as they are, and document panels for a few documents, from the dashboard catalog. */
    private List<String> panels(Session admin) throws IOException, InterruptedException {
        JsonNode documents = JSON.readTree(get(admin, "/api/documents").body()).path("documents");
        JsonNode catalog = JSON.readTree(get(admin, "/api/dashboards").body()).path("dashboards");
        List<String> panels = new ArrayList<>();
        for (JsonNode dashboard : catalog) {
            for (JsonNode panel : dashboard.path("panels")) {
                String url = "/api/dashboards/" + dashboard.path("id").asText() + "/panels/"
                        + panel.path("id").asText();
                if (dashboard.path("scope").asText().equals("document")) {
                    for (JsonNode document : documents) {
                        panels.add(url + "?document=" + document.path("id").asText());
                    }
                } else {
                    panels.add(url);
                }
            }
        }
        if (panels.isEmpty()) {
            throw new IOException("the dashboard catalog lists no panels");
        }
        return panels;
    }

    private Session account(Session admin, String username, String role) throws IOException, InterruptedException {
        String form = "username=" + username + "&password=" + PASSWORD + "&role=" + role + "&csrf-token="
                + URLEncoder.encode(admin.token(), StandardCharsets.UTF_8);
        HttpResponse<String> created = admin.http()
                .send(
                        HttpRequest.newBuilder(URI.create(settings.base() + "/admin/users"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 303) {
            throw new IOException("creating the account " + username + " failed (" + created.statusCode() + ")");
        }
        return signIn(username, PASSWORD, "/");
    }

    private Session signIn(String user, String password, String pageWithToken)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(settings.base() + "/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302
                || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IOException("signing in as " + user + " failed (" + response.statusCode() + ")");
        }
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(settings.base() + pageWithToken))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = META_TOKEN.matcher(page.body());
        if (!matcher.find()) {
            throw new IOException(pageWithToken + " carries no CSRF token for " + user);
        }
        return new Session(http, matcher.group(1));
    }

    private HttpResponse<String> get(Session session, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = session.http()
                .send(
                        HttpRequest.newBuilder(URI.create(settings.base() + path))
                                .header("Accept", "application/json")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return response;
    }

    private static double report(String name, List<Double> millis, long errors) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-34s %8d %8d (nothing succeeded)%n", name, 0, errors);
            return 0;
        }
        double p95 = sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
        System.out.printf(
                Locale.ROOT,
                "%-34s %8d %8d %8.1f %8.1f %8.1f%n",
                name,
                sorted.size(),
                errors,
                sorted.get(sorted.size() / 2),
                p95,
                sorted.get(sorted.size() - 1));
        return p95;
    }
}
