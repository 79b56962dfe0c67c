package dev.counterpoint.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged app (target/quarkus-app/quarkus-run.jar) run as a person runs it, for launcher tests. */
final class PackagedApp implements AutoCloseable {

    static final String ADMIN_PASSWORD = "launcher-test-password";
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final Process process;
    private final Path output;
    final int port;

    private PackagedApp(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    static PackagedApp start(Map<String, String> environment) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("build the app first: ./mvnw package (" + JAR + " is missing)");
        }
        try {
            int port = environment.containsKey("QUARKUS_HTTP_PORT")
                    ? Integer.parseInt(environment.get("QUARKUS_HTTP_PORT"))
                    : freePort();
            Path output = Files.createTempFile("counterpoint-launch", ".log");
            ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", JAR.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("COUNTERPOINT_") || k.startsWith("QUARKUS_"));
            Map<String, String> settings = new HashMap<>(environment);
            settings.putIfAbsent("QUARKUS_HTTP_PORT", String.valueOf(port));
            settings.putIfAbsent("COUNTERPOINT_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.putAll(settings);
            return new PackagedApp(builder.start(), output, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the line that says the app is up; fails with the output if the app exits first. */
    PackagedApp awaitRunning() {
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            if (output().contains("Counterpoint is running at")) {
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the app exited with " + process.exitValue() + ":\n" + output());
            }
            sleep(200);
        }
        throw new AssertionError("the app did not start within 90 s:\n" + output());
    }

    /** Waits for the app to give up, and returns its exit code. */
    int awaitExit() {
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the app neither started nor exited:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    HttpResponse<String> get(String path) {
        String credentials =
                Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** POSTs a body as the admin user (Basic auth, so no CSRF token is needed). */
    HttpResponse<String> post(String path, String contentType, String body) {
        String credentials =
                Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Sends SIGTERM (as Ctrl+C or a container stop does) and returns the exit code. */
    int terminate() {
        close();
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Kills the JVM at once (kill -9): no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the output has the line, or fails with the output. */
    PackagedApp awaitOutput(String line, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (output().contains(line)) {
                return this;
            }
            if (!process.isAlive()) {
                throw new AssertionError("the app exited before '" + line + "':\n" + output());
            }
            sleep(50);
        }
        throw new AssertionError("no '" + line + "' within " + timeout + ":\n" + output());
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    List<String> outputLines() {
        return new ArrayList<>(output().lines().toList());
    }

    /** Stops the app the way Ctrl+C or a container stop does (SIGTERM) and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the jar with a command (import, eval, ...) to its end; the output is stdout and stderr together. */
    record CommandRun(int exitCode, String output) {}

    static CommandRun command(Map<String, String> environment, String... arguments) {
        try {
            Path output = Files.createTempFile("counterpoint-command", ".log");
            List<String> line = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toString()));
            line.addAll(List.of(arguments));
            ProcessBuilder builder =
                    new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("COUNTERPOINT_") || k.startsWith("QUARKUS_"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the command did not finish in 10 minutes");
            }
            return new CommandRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
