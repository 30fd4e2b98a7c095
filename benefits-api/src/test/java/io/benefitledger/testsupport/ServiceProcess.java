package io.benefitledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged service ({@code target/benefits-api.jar}) as a real operating-system process on a given database,
 * as an operator would run it: started, asked over HTTP, and killed with SIGKILL. Its output goes to
 * {@code target/reliability/<name>.log}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private String operatorToken;

    private ServiceProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** Starts the service on {@code database} and waits until it answers healthy. */
    public static ServiceProcess start(String name, TestPostgres.Database database, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password()));
        arguments.addAll(List.of(extraArguments));
        return launch(name, arguments);
    }

    /**
     * Starts the service on its default settings, the embedded PostgreSQL on any free port, with its data in
     * {@code dataDirectory}, and waits until it answers healthy.
     */
    public static ServiceProcess startEmbedded(String name, Path dataDirectory, String... extraArguments) {
        // An empty URL selects the embedded default even where the environment names another server.
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=",
                "--ledger.embedded-postgres.data-directory=" + dataDirectory));
        arguments.addAll(List.of(extraArguments));
        return launch(name, arguments);
    }

    private static ServiceProcess launch(String name, List<String> arguments) {
        int port = freePort();
        Path log = logOf(name);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Daxoniq.update-checker.disabled=true",
                "-jar", System.getProperty("ledger.service.jar", "target/benefits-api.jar"),
                "--server.port=" + port,
                "--ledger.security.mode=local"));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            ServiceProcess service = new ServiceProcess(name, process, port);
            service.awaitHealthy(Duration.ofSeconds(90));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's health answer, details included: they are the program operator's. */
    public JsonNode health() {
        if (operatorToken == null) {
            operatorToken = token(Map.of("userId", "operator", "roles", List.of("PROGRAM_OPERATOR")));
        }
        return send("GET", "/actuator/health", operatorToken, null).body();
    }

    /** The end of the service's log, e.g. to show what it did at start. */
    public String log() {
        try {
            return Files.readString(logOf(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or released. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit status of a process that ends by itself within {@code patience}; empty if it is still running. */
    public java.util.OptionalInt awaitExit(Duration patience) {
        try {
            return process.waitFor(patience.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.OptionalInt.empty();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A bearer token minted by the service's local mode. */
    public String token(Map<String, Object> claims) {
        return send("POST", "/local/tokens", null, json(claims)).body().get("token").asText();
    }

    public record Answer(int status, JsonNode body) {
        public boolean acknowledged() {
            return status / 100 == 2;
        }
    }

    /** One request; a failure to connect or a timeout is answered as status 0. */
    public Answer send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(15))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
        } catch (IOException e) {
            return new Answer(0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null);
        }
    }

    private void awaitHealthy(Duration patience) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; the end of target/reliability/"
                                                + name + ".log:\n" + endOfLog());
            }
            Answer health = send("GET", "/actuator/health", null, null);
            if (health.status() == 200) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        kill();
        throw new IllegalStateException(name + " did not become healthy within " + patience);
    }

    /** Why a process that did not start stopped, in the test's own report: CI keeps no other file. */
    private String endOfLog() {
        try {
            List<String> lines = Files.readAllLines(logOf(name));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static Path logOf(String name) {
        return Path.of("target", "reliability", name + ".log");
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
