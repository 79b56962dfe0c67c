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
import java.util.Random;

/**
 * Times every chart data endpoint of a running Counterpoint over HTTP, as the pages call them: each document panel
 * on randomly chosen documents, each corpus panel over pages, searches and targets, and the drill-down. Prints
 * p50, p95 and the maximum per endpoint. Used by scripts/bench-dashboards.sh.
 */
public final class DashboardBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private final Random random = new Random(42);

    private DashboardBenchmark(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static int run(String base, String user, String password, int requests)
            throws IOException, InterruptedException {
        DashboardBenchmark benchmark = new DashboardBenchmark(base);
        benchmark.signIn(user, password);
        return benchmark.run(requests);
    }

    /**
     * Signs in through the login form, as a browser does, and keeps the session cookie: with HTTP Basic every
     * request would pay for a bcrypt check (about 100 ms here), which is not what the pages pay.
     */
    private void signIn(String user, String password) throws IOException, InterruptedException {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IOException("signing in as " + user + " failed (" + response.statusCode() + " " + location + ")");
        }
    }

    private int run(int requests) throws IOException, InterruptedException {
        JsonNode documents = get("/api/documents?size=500").body();
        List<Long> ids = new ArrayList<>();
        documents.get("documents").forEach(d -> ids.add(d.get("id").asLong()));
        System.out.printf(
                Locale.ROOT,
                "%d documents in the corpus; timing %d requests per endpoint after 3 warm-ups%n",
                documents.get("total").asLong(),
                requests);
        System.out.printf(Locale.ROOT, "%-58s %8s %8s %8s%n", "endpoint", "p50 ms", "p95 ms", "max ms");
        boolean allWithin = true;
        for (JsonNode dashboard : get("/api/dashboards").body().get("dashboards")) {
            String scope = dashboard.get("scope").asText();
            boolean corpus = "corpus".equals(scope);
            boolean codebook = "codebook".equals(scope);
            for (JsonNode panel : dashboard.get("panels")) {
                String path = "/api/dashboards/" + dashboard.get("id").asText() + "/panels/"
                        + panel.get("id").asText();
                allWithin &= time(
                        path,
                        requests,
                        i -> path
                                + (codebook
                                        ? "?codebook=default"
                                        : corpus ? corpusQuery(i) : "?document=" + pick(ids)));
            }
        }
        allWithin &= time(
                "/api/documents/{id}/items (drill-down)",
                requests,
                i -> "/api/documents/" + pick(ids) + "/items?kind=comment&key=russia&value=against");
        allWithin &= time(
                "/api/documents/{id}/items, disputed left out, min 0.7",
                requests,
                i -> "/api/documents/" + pick(ids)
                        + "/items?kind=comment&key=russia&value=favor&include-disputed=false&min-confidence=0.7");
        allWithin &= time(
                "/api/documents/{id}/items, uncivil among those against",
                requests,
                i -> "/api/documents/" + pick(ids) + "/items?kind=comment&key=russia&value=against&uncivil=true");
        allWithin &= time(
                "framing reader-stance, model labels, min 0.6, one week",
                requests,
                i -> "/api/dashboards/framing-vs-reactions/panels/reader-stance?document=" + pick(ids)
                        + "&source=model&min-confidence=0.6&from=2025-01-01&to=2025-12-31");
        System.out.println(
                allWithin ? "Every endpoint's p95 is within 150 ms." : "Some endpoint's p95 is over 150 ms.");
        return 0;
    }

    private String corpusQuery(int i) {
        String[] targets = {"russia", "ukraine", "uk", "europe"};
        return switch (i % 4) {
            case 0 -> "?page=" + (1 + random.nextInt(40));
            case 1 ->
                "?q="
                        + URLEncoder.encode(
                                new String[] {"sanctions", "envoys", "talks", "article 1"}[random.nextInt(4)],
                                StandardCharsets.UTF_8);
            case 2 -> "?target=" + targets[random.nextInt(targets.length)] + "&min-confidence=0.6";
            default -> "?source=human&include-disputed=false";
        };
    }

    private long pick(List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private boolean time(String name, int requests, java.util.function.IntFunction<String> url)
            throws IOException, InterruptedException {
        for (int i = 0; i < 3; i++) {
            get(url.apply(i));
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Timed timed = get(url.apply(i));
            millis.add(timed.millis());
        }
        Collections.sort(millis);
        double p95 = millis.get((int) Math.ceil(0.95 * millis.size()) - 1);
        System.out.printf(
                Locale.ROOT,
                "%-58s %8.1f %8.1f %8.1f%n",
                name.length() > 58 ? name.substring(0, 58) : name,
                millis.get(millis.size() / 2),
                p95,
                millis.get(millis.size() - 1));
        return p95 <= 150;
    }

    private record Timed(JsonNode body, double millis) {}

    private Timed get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return new Timed(JSON.readTree(response.body()), millis);
    }
}
