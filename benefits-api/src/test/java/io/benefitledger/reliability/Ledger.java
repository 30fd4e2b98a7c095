package io.benefitledger.reliability;

import io.benefitledger.testsupport.ServiceProcess;
import io.benefitledger.testsupport.TestPostgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the reliability tests do to a running ledger and check of its database. */
final class Ledger {

    /** Every read model, by the processor that builds it. */
    static final Map<String, List<String>> READ_MODELS = Map.of(
            "read-models", List.of("benefit", "gtm_contact", "gtm_offer", "refund_eligibility"));

    /** Kept by the four benefit tabs together, each for its own category. */
    static final List<String> SHARED_READ_MODELS = List.of("utilisation");

    private Ledger() {
    }

    static String operatorToken(ServiceProcess service) {
        return service.token(Map.of("userId", "operator", "roles", List.of("PROGRAM_OPERATOR", "FULFILMENT")));
    }

    /**
     * Registers a partner; answers its first Global admin's token. The offerings {@link #purchase} buys are published
     * first (published again, unchanged, they record nothing).
     */
    static String registerPartner(ServiceProcess service, String partner) {
        for (int keys = 1; keys <= 2; keys++) {
            ServiceProcess.Answer published = service.send("PUT", "/catalogue/offerings/office-" + keys,
                    operatorToken(service), """
                            {"name": "Silver Core",
                             "software": [{"productId": "office", "name": "Office", "keys": %d, "languages": ["en-US"],
                                           "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                             "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 1}]}"""
                            .formatted(keys));
            assertThat(published.status()).as(String.valueOf(published.body())).isEqualTo(200);
        }
        ServiceProcess.Answer registered = service.send("POST", "/partners", operatorToken(service), """
                {"partnerId": "%s", "companyName": "Contoso Ltd", "companyAccountEmail": "admin@%s.example",
                 "qualifications": ["Silver Core"],
                 "firstAdmin": {"userId": "alice", "displayName": "Alice Admin", "email": "alice@%s.example"}}
                """.formatted(partner, partner, partner));
        assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
        return adminToken(service, partner);
    }

    /** A token of the partner's first Global admin, signed by this node. */
    static String adminToken(ServiceProcess service, String partner) {
        return service.token(Map.of("userId", "alice", "partnerId", partner, "roles", List.of("GLOBAL_ADMIN")));
    }

    /** A purchase of the offering holding Office with 1 or 2 keys and a Visual Studio seat. */
    static String purchase(String packageId, int keys) {
        return """
                {"packageId": "%s", "offering": "office-%d"}""".formatted(packageId, keys);
    }

    static final String REVEAL = "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}";

    /** Clients purchasing packages with ids of their own until stopped; what each answer was is kept per id. */
    static final class Load {
        final Map<String, Integer> answers = new ConcurrentHashMap<>();
        final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> clients = new ArrayList<>();

        /** Each node signs its own local-mode tokens, so each client holds one for the node it writes to. */
        Load(int clients, String prefix, IntFunction<ServiceProcess> serviceOfClient, String partner) {
            for (int client = 0; client < clients; client++) {
                int id = client;
                Thread thread = new Thread(() -> {
                    String token = adminToken(serviceOfClient.apply(id), partner);
                    for (int n = 0; running.get(); n++) {
                        String packageId = prefix + "-" + id + "-" + n;
                        ServiceProcess service = serviceOfClient.apply(id);
                        ServiceProcess.Answer answer = service.send("POST", "/partners/" + partner + "/packages", token,
                                purchase(packageId, 2));
                        answers.put(packageId, answer.status());
                        statuses.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
                        if (answer.status() == 0 || answer.status() == 503) {
                            ServiceProcess.sleep(Duration.ofMillis(100));
                        }
                    }
                }, prefix + "-client-" + id);
                thread.start();
                this.clients.add(thread);
            }
        }

        Set<String> acknowledged() {
            return answers.entrySet().stream().filter(answer -> answer.getValue() / 100 == 2).map(Map.Entry::getKey)
                    .collect(java.util.stream.Collectors.toSet());
        }

        int count(int status) {
            return statuses.getOrDefault(status, new AtomicInteger()).get();
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
        }
    }

    static Connection connect(TestPostgres.Database database) throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    /** How many times each package was purchased according to the event store. */
    static Map<String, Long> purchasesStored(TestPostgres.Database database) throws SQLException {
        Map<String, Long> purchases = new TreeMap<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select split_part(aggregate_identifier, '/', 2), count(*) from domain_event_entry
                     where payload_type = 'io.benefitledger.pkg.PackagePurchased' group by 1""")) {
            while (rows.next()) {
                purchases.put(rows.getString(1), rows.getLong(2));
            }
        }
        return purchases;
    }

    /** Every read model's rows, in a stable order. */
    static Map<String, List<Map<String, Object>>> readModels(TestPostgres.Database database) throws SQLException {
        Map<String, List<Map<String, Object>>> contents = new TreeMap<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String table : Stream.concat(READ_MODELS.values().stream().flatMap(List::stream),
                    SHARED_READ_MODELS.stream()).toList()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery("select * from " + table + " order by 1, 2, 3")) {
                    while (row.next()) {
                        Map<String, Object> values = new TreeMap<>();
                        for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                            Object value = row.getObject(column);
                            values.put(row.getMetaData().getColumnName(column),
                                    value instanceof Array array ? List.of((Object[]) array.getArray()) : value);
                        }
                        rows.add(values);
                    }
                }
                contents.put(table, rows);
            }
        }
        return contents;
    }

    /** Waits until the node holds every segment of every projection and none is behind the event store's head. */
    static void awaitCaughtUp(ServiceProcess service, Duration patience) {
        String token = operatorToken(service);
        Instant deadline = Instant.now().plus(patience);
        ServiceProcess.Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            ServiceProcess.Answer processors = service.send("GET", "/operations/processors", token, null);
            last = processors;
            if (processors.status() == 200 && READ_MODELS.keySet().stream().allMatch(name -> {
                var segments = processors.body().get(name).get("segments");
                return segments.size() == 2 && segments.findValues("behindHead").stream().allMatch(behind -> behind.asLong() == 0);
            })) {
                return;
            }
            ServiceProcess.sleep(Duration.ofMillis(500));
        }
        throw new AssertionError("projections did not catch up within " + patience + ": " + (last == null ? null : last.body()));
    }

    /** Rebuilds every projection from the event store through the node and waits until each has finished. */
    static void rebuildAll(ServiceProcess service, Duration patience) {
        String token = operatorToken(service);
        for (String name : READ_MODELS.keySet()) {
            ServiceProcess.Answer started = service.send("POST", "/operations/processors/" + name + "/rebuild", token, null);
            assertThat(started.status()).as(name + ": " + started.body()).isEqualTo(202);
        }
        Instant deadline = Instant.now().plus(patience);
        for (String name : READ_MODELS.keySet()) {
            while (!service.send("GET", "/operations/processors/" + name, token, null).body().at("/rebuild/finishedAt").isTextual()) {
                assertThat(Instant.now()).as("rebuild of " + name).isBefore(deadline);
                ServiceProcess.sleep(Duration.ofMillis(250));
            }
        }
    }

    /** The read models as they are equal, row for row, to what a fresh rebuild from the event store gives. */
    static void assertReadModelsEqualAFreshRebuild(ServiceProcess service, TestPostgres.Database database) throws SQLException {
        awaitCaughtUp(service, Duration.ofSeconds(60));
        Map<String, List<Map<String, Object>>> before = readModels(database);
        rebuildAll(service, Duration.ofSeconds(60));
        Map<String, List<Map<String, Object>>> rebuilt = readModels(database);
        before.forEach((table, rows) -> {
            List<Map<String, Object>> onlyBefore = new ArrayList<>(rows);
            onlyBefore.removeAll(rebuilt.get(table));
            List<Map<String, Object>> onlyRebuilt = new ArrayList<>(rebuilt.get(table));
            onlyRebuilt.removeAll(rows);
            assertThat(onlyBefore).as(table + ": rows the rebuild does not give; it gives instead " + onlyRebuilt).isEmpty();
            assertThat(rows).as(table + " against a fresh rebuild").containsExactlyElementsOf(rebuilt.get(table));
        });
    }
}
