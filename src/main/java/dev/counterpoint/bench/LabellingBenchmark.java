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
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times what an annotator waits for in the review queue of a running Counterpoint, as the pages call it: the
 * save-and-next round trip (POST the labels of the current item, GET the next subject in the queue) and the queue
 * page under several filters and orders. Prints p50, p95 and the maximum. Used by scripts/bench-labelling.sh.
 */
public final class LabellingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");
    private static final String[] STANCES = {"favor", "against", "none"};

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private String token;

    private LabellingBenchmark(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static int run(String base, String user, String password, int saves)
            throws IOException, InterruptedException {
        LabellingBenchmark benchmark = new LabellingBenchmark(base);
        benchmark.signIn(user, password);
        return benchmark.run(saves);
    }

    private void signIn(String user, String password) throws IOException, InterruptedException {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302
                || response.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IOException("signing in as " + user + " failed (" + response.statusCode() + ")");
        }
        Matcher matcher = TOKEN.matcher(page("/queue").body());
        if (!matcher.find()) {
            throw new IOException("the queue page carries no CSRF token");
        }
        token = matcher.group(1);
    }

    private int run(int saves) throws IOException, InterruptedException {
        JsonNode first = json(get("/api/queue?sort=priority").body());
        System.out.printf(
                Locale.ROOT,
                "%d subjects in the review queue (%d model unsure, %d overturned, %d disputed)%n",
                first.get("counts").get("total").asLong(),
                first.get("counts").get("uncertain").asLong(),
                first.get("counts").get("overturned").asLong(),
                first.get("counts").get("disagreement").asLong());
        System.out.printf(Locale.ROOT, "%-58s %8s %8s %8s%n", "what", "p50 ms", "p95 ms", "max ms");
        JsonNode row = first.get("rows").get(0);
        List<Double> roundTrips = new ArrayList<>();
        for (int i = 0; i < saves + 3 && row != null; i++) {
            long start = System.nanoTime();
            String body = "{\"labels\": [" + label(row, i) + "], \"seenVersion\": "
                    + row.get("labelVersion").asInt() + "}";
            send(HttpRequest.newBuilder(
                            URI.create(base + "/api/items/" + row.get("itemId").asLong() + "/labels"))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("X-CSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            HttpResponse<String> next = get("/api/queue/next?sort=priority&after="
                    + URLEncoder.encode(row.get("cursor").asText(), StandardCharsets.UTF_8));
            double millis = (System.nanoTime() - start) / 1e6;
            if (i >= 3) {
                roundTrips.add(millis);
            }
            row = next.statusCode() == 204 ? null : json(next.body());
        }
        boolean within = report("save and next (POST labels + GET next)", roundTrips) <= 50;
        within &= timePage("queue page, most useful first", i -> "/queue?page=" + (1 + i % 5)) <= 100;
        within &= timePage("queue page, oldest first", i -> "/queue?sort=age&page=" + (1 + i % 3)) <= 100;
        within &=
                timePage("queue page, one target", i -> "/queue?target=" + (i % 2 == 0 ? "russia" : "ukraine")) <= 100;
        within &= timePage("queue page, people disagree", i -> "/queue?reason=disagreement") <= 100;
        within &= timePage("queue page, by document", i -> "/queue?sort=document&document=" + (1 + i)) <= 100;
        within &= timePage("queue page, human labels that count", i -> "/queue?source=human") <= 100;
        System.out.println(
                within
                        ? "Save-and-next p95 is within 50 ms and every queue page's within 100 ms."
                        : "Some p95 is over its goal (save and next 50 ms, queue page 100 ms).");
        return 0;
    }

    private static String label(JsonNode row, int i) {
        String dimension = row.get("dimension").asText();
        if ("stance".equals(dimension)) {
            return "{\"dimension\": \"stance\", \"target\": \""
                    + row.get("target").asText() + "\", \"value\": \"" + STANCES[i % 3] + "\"}";
        }
        String value = "sentiment".equals(dimension) ? "neutral" : "civil";
        return "{\"dimension\": \"" + dimension + "\", \"value\": \"" + value + "\"}";
    }

    private double timePage(String name, IntFunction<String> path) throws IOException, InterruptedException {
        for (int i = 0; i < 3; i++) {
            page(path.apply(i));
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long start = System.nanoTime();
            page(path.apply(i));
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return report(name, millis);
    }

    private static double report(String name, List<Double> millis) {
        if (millis.isEmpty()) {
            System.out.printf(Locale.ROOT, "%-58s (nothing measured: the queue was empty)%n", name);
            return 0;
        }
        Collections.sort(millis);
        double p95 = millis.get((int) Math.ceil(0.95 * millis.size()) - 1);
        System.out.printf(
                Locale.ROOT,
                "%-58s %8.1f %8.1f %8.1f%n",
                name,
                millis.get(millis.size() / 2),
                p95,
                millis.get(millis.size() - 1));
        return p95;
    }

    private HttpResponse<String> page(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .build());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(request, (k, v) -> true)
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 && response.statusCode() != 204) {
            throw new IOException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static JsonNode json(String body) throws IOException {
        return JSON.readTree(body);
    }
}
