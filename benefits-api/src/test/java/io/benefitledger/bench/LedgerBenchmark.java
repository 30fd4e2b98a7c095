package io.benefitledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.benefitledger.BenefitLedgerApplication;
import io.benefitledger.query.ReadSide;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ledger's figures, measured against PostgreSQL's own limit on the same database in the same run: the write path
 * over HTTP beside raw JDBC, read-your-writes lag, a rebuild of every projection over a million events beside a raw
 * scan, query latencies at 100,000 packages, and audit time travel over a 10,000-event aggregate. Prints a table and
 * writes it to {@code target/benchmark/} as JSON and Markdown. Run with {@code ./mvnw -Pbench verify}; never part of
 * the default build.
 */
class LedgerBenchmark {

    static final int[] CLIENTS = {1, 4, 16, 64};
    static final Duration SERIES = Duration.ofSeconds(Long.getLong("bench.series-seconds", 8));
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warm-up-seconds", 60));
    static final int PACKAGES = Integer.getInteger("bench.packages", 100_000);
    static final int PARTNERS = 100;
    static final int HEAVY_EVENTS = 10_000;

    /** One measured figure; {@code raw} is PostgreSQL's own rate for the same work where there is one. */
    record Figure(String section, String what, String value, String raw, String ratio, String bar, Boolean met) {
    }

    final List<Figure> figures = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(80)).build();
    final ObjectMapper json = new ObjectMapper();
    String base;
    JdbcTemplate jdbc;
    DataSource dataSource;
    String operator;
    String admin;

    @Test
    void measure() throws Exception {
        Path data = Files.createTempDirectory("ledger-bench-pg");
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=",
                "--ledger.embedded-postgres.data-directory=" + data, "--ledger.security.mode=local",
                "--logging.level.root=WARN", "--spring.profiles.active=benchmark"));
        // A variant to compare, e.g. -Dbench.args="--ledger.event-store.batch-size=100"
        arguments.addAll(List.of(System.getProperty("bench.args", "").split(" ")).stream().filter(a -> !a.isBlank()).toList());
        record(new Figure("settings", "service arguments beyond the defaults", String.join(" ",
                arguments.subList(6, arguments.size())), null, null, null, null));
        // PostgreSQL loads pg_stat_statements only at its start: a first start of the service makes the cluster and
        // asks for it, the measured one starts on the same data directory.
        try (ConfigurableApplicationContext first = new SpringApplicationBuilder(BenefitLedgerApplication.class)
                .run(arguments.toArray(String[]::new))) {
            JdbcTemplate cluster = first.getBean(JdbcTemplate.class);
            cluster.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
            cluster.execute("alter system set pg_stat_statements.track = 'all'");
        }
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(BenefitLedgerApplication.class)
                .run(arguments.toArray(String[]::new))) {
            service.getBean(JdbcTemplate.class).execute("create extension if not exists pg_stat_statements");
            base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
            jdbc = service.getBean(JdbcTemplate.class);
            dataSource = service.getBean(DataSource.class);
            operator = token(Map.of("userId", "operator", "roles", List.of("PROGRAM_OPERATOR", "FULFILMENT")));
            publishOfferings();
            record(new Figure("machine", "cores / JVM / PostgreSQL", Runtime.getRuntime().availableProcessors() + " / "
                    + System.getProperty("java.version") + " / " + jdbc.queryForObject("show server_version", String.class)
                    + " (fsync " + jdbc.queryForObject("show fsync", String.class) + ", synchronous_commit "
                    + jdbc.queryForObject("show synchronous_commit", String.class) + ")", null, null, null, null));

            // -Dbench.skip=write-path,rebuild,queries,audit skips sections, e.g. while tuning one of them; the
            // queries need the rebuild's packages.
            String skip = System.getProperty("bench.skip", "");
            admin = registerPartner("bench");
            if (!skip.contains("audit")) {
                scopedAuditBefore();
            }
            if (!skip.contains("write-path")) {
                writePath();
            }
            if (!skip.contains("rebuild")) {
                rebuild(service.getBean(EventProcessingConfiguration.class));
                if (!skip.contains("queries")) {
                    queries();
                }
            }
            if (!skip.contains("audit")) {
                audit(service.getBean(EventProcessingConfiguration.class));
            }
        } finally {
            report();
            // A million events take gigabytes; a benchmark leaves only its figures behind.
            org.springframework.util.FileSystemUtils.deleteRecursively(data);
        }
    }

    // ---------------------------------------------------------------------------------------------- write path

    void writePath() throws Exception {
        String contendedPrefix = "contended-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 4; i++) {
            // the most keys a product may hold; the contended series reveals a few thousand in all
            if (post("/partners/bench/packages", softwarePackage(contendedPrefix + "-" + i, 10_000), admin) == null) {
                throw new IllegalStateException("the contended packages could not be purchased");
            }
        }
        byte[][] sample = sampleEvent();
        AtomicLong next = new AtomicLong();
        // Not counted: a service is measured as it runs for days, after the JIT has compiled the command path; in
        // the first minute the same load goes from 120 to 200 commands/s.
        run(16, WARM_UP, client -> post("/partners/bench/packages", softwarePackage("w-" + next.incrementAndGet(), 2), admin));
        for (int clients : CLIENTS) {
            Series service = withWaits("purchases, one partner", clients, () -> run(clients, client -> post(
                    "/partners/bench/packages", softwarePackage("w-" + next.incrementAndGet(), 2), admin)));
            Series raw = rawWrites(clients, sample, false);
            record(writeFigure("purchases, one partner", clients, service, raw, clients == 16 ? 0.10 : null));
        }
        // Purchases of one partner share its offering's membership years; these share nothing but the offering.
        String[] ownAdmins = new String[CLIENTS[CLIENTS.length - 1]];
        for (int client = 0; client < ownAdmins.length; client++) {
            ownAdmins[client] = registerPartner("bench-own-" + client);
        }
        for (int clients : CLIENTS) {
            Series service = withWaits("purchases, a partner per client", clients, () -> run(clients, client -> post(
                    "/partners/bench-own-" + client + "/packages", softwarePackage("o-" + next.incrementAndGet(), 2),
                    ownAdmins[client])));
            Series raw = rawWrites(clients, sample, false);
            record(writeFigure("purchases, a partner per client", clients, service, raw, clients == 16 ? 0.15 : null));
        }
        partnerWithHistory(next);
        // The same 16-client load again, each client timing every 5th of its writes until the tab shows it.
        ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        run(16, client -> {
            long n = next.incrementAndGet();
            String answer = post("/partners/bench/packages", softwarePackage("w-" + n, 2), admin);
            if (answer != null && n % 5 == 0) {
                lags.add(readYourWritesLag("w-" + n));
            }
            return answer;
        });
        List<Long> sortedLags = lags.stream().sorted().toList();
        record(new Figure("read-your-writes", "ack → software tab shows it, 16 clients (" + sortedLags.size()
                + " samples; p50/p99)", ms(percentile(sortedLags, 50)) + "/" + ms(percentile(sortedLags, 99)), null, null,
                "p99 ≤ 100 ms", !sortedLags.isEmpty() && percentile(sortedLags, 99) <= 100_000_000L));
        for (int clients : CLIENTS) {
            Series service = withWaits("key reveals, 4 contended packages", clients, () -> run(clients, client -> post(
                    "/partners/bench/packages/" + contendedPrefix + "-" + (client % 4) + "/software/office/keys",
                    "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}", admin)));
            Series raw = rawWrites(clients, sample, true);
            record(writeFigure("key reveals, 4 contended packages", clients, service, raw, clients == 16 ? 0.50 : null));
        }
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        record(new Figure("write path", "events stored during the write series", String.valueOf(events), null, null, null, null));
    }

    Figure writeFigure(String series, int clients, Series service, Series raw, Double bar) {
        double ratio = service.perSecond() / raw.perSecond();
        return new Figure("write path", series + ", " + clients + " client" + (clients == 1 ? "" : "s") + " (commands/s; p50/p99)",
                Math.round(service.perSecond()) + "/s; " + ms(service.p50()) + "/" + ms(service.p99())
                + (service.failures() > 0 ? "; " + service.failures() + " refused" : "")
                + "; CPU/command " + String.format(java.util.Locale.ROOT, "%.1f ms requests, %.1f ms service",
                        service.requestCpu(), service.serviceCpu()),
                Math.round(raw.perSecond()) + "/s; " + ms(raw.p50()) + "/" + ms(raw.p99()),
                Math.round(ratio * 100) + " %", bar == null ? null : "≥ " + Math.round(bar * 100) + " % of raw",
                bar == null ? null : ratio >= bar);
    }

    static final int HISTORY_YEARS = Integer.getInteger("bench.history-years", 30_000);

    /**
     * A purchase of a partner that has bought the offering {@code HISTORY_YEARS} times this year, beside one of a
     * partner that never bought it, in the same series: four clients, two for each, their latencies kept apart. The
     * years are written into {@code membership_year} directly, as the purchases would have left them (running, none
     * renewable yet): the only part of a partner's history a purchase reads.
     */
    void partnerWithHistory(AtomicLong next) throws Exception {
        String fresh = registerPartner("bench-fresh");
        String seasoned = registerPartner("bench-history");
        Instant now = Instant.now();
        List<Object[]> years = new ArrayList<>();
        for (int n = 0; n < HISTORY_YEARS; n++) {
            Instant start = now.minus(Duration.ofMinutes(n));
            Instant anniversary = start.plus(Duration.ofDays(365));
            years.add(new Object[]{"bench-history", "seeded-" + n, "bench-office-2",
                    java.sql.Timestamp.from(anniversary.minus(Duration.ofDays(30))), java.sql.Timestamp.from(anniversary),
                    java.sql.Timestamp.from(anniversary.plus(Duration.ofDays(30)))});
        }
        jdbc.batchUpdate("""
                insert into membership_year (partner_id, package_id, offering, renewal_window_opens, anniversary, grace_ends)
                values (?, ?, ?, ?, ?, ?)""", years);
        jdbc.execute("analyze membership_year");
        Map<Boolean, ConcurrentLinkedQueue<Long>> latencies = Map.of(true, new ConcurrentLinkedQueue<>(),
                false, new ConcurrentLinkedQueue<>());
        AtomicBoolean measuring = new AtomicBoolean();
        Operation purchase = client -> {
            boolean history = client % 2 == 1;
            long start = System.nanoTime();
            String answer = post("/partners/" + (history ? "bench-history" : "bench-fresh") + "/packages",
                    softwarePackage("h-" + next.incrementAndGet(), 2), history ? seasoned : fresh);
            if (answer != null && measuring.get()) {
                latencies.get(history).add(System.nanoTime() - start);
            }
            return answer;
        };
        run(4, Duration.ofSeconds(2), purchase);
        measuring.set(true);
        run(4, purchase);
        List<Long> ofFresh = latencies.get(false).stream().sorted().toList();
        List<Long> ofHistory = latencies.get(true).stream().sorted().toList();
        long p50 = percentile(ofHistory, 50);
        long p99 = percentile(ofHistory, 99);
        boolean met = !ofFresh.isEmpty() && !ofHistory.isEmpty() && p50 <= 1.2 * percentile(ofFresh, 50)
                      && p99 <= 1.2 * percentile(ofFresh, 99);
        record(new Figure("write path", "purchase of a partner with " + HISTORY_YEARS + " years of the offering, beside a"
                + " fresh partner's, 2 clients each (" + ofHistory.size() + " and " + ofFresh.size() + " samples; p50/p99)",
                ms(p50) + "/" + ms(p99), ms(percentile(ofFresh, 50)) + "/" + ms(percentile(ofFresh, 99)) + " (fresh partner)",
                ofFresh.isEmpty() ? null : Math.round(100.0 * p50 / percentile(ofFresh, 50)) + " % (p50)",
                "within 20 % of the fresh partner's", met));
    }

    /**
     * What the database's sessions wait on while a 16-client series runs: {@code pg_stat_activity} sampled every
     * 100 ms on a connection of its own, as the average number of active sessions in each wait ("CPU" where a session
     * waits on nothing). Other client counts run unsampled.
     */
    Series withWaits(String series, int clients, java.util.concurrent.Callable<Series> run) throws Exception {
        if (clients != 16) {
            return run.call();
        }
        Map<String, Long> waits = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicLong samples = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            try (Connection connection = ownConnection(); PreparedStatement activity = connection.prepareStatement("""
                    select coalesce(wait_event_type || ':' || wait_event, 'CPU'), count(*) from pg_stat_activity
                    where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid() group by 1""")) {
                while (sampling.get()) {
                    try (ResultSet row = activity.executeQuery()) {
                        while (row.next()) {
                            waits.merge(row.getString(1), row.getLong(2), Long::sum);
                        }
                    }
                    samples.incrementAndGet();
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        sampler.start();
        jdbc.execute("select pg_stat_statements_reset()");
        Series measured = null;
        try {
            measured = run.call();
            return measured;
        } finally {
            recordStatements(series, measured);
            sampling.set(false);
            sampler.join();
            double n = Math.max(1, samples.get());
            record(new Figure("database waits", series + ", 16 clients (active sessions on average, by wait)",
                    waits.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                            .map(wait -> wait.getKey() + " " + String.format(java.util.Locale.ROOT, "%.2f", wait.getValue() / n))
                            .collect(java.util.stream.Collectors.joining(", ")), null, null, null, null));
        }
    }

    /**
     * The statements the database ran during a 16-client series (pg_stat_statements, nested ones included, so the
     * triggers' too), the most time first: how many per answered command, and their mean time.
     */
    void recordStatements(String series, Series measured) {
        if (measured == null) {
            return;
        }
        // the series ran a warm-up second and its measured seconds; its rate stands for both
        double commands = Math.max(1, measured.perSecond() * (SERIES.toSeconds() + 1));
        String top = jdbc.query("""
                        select calls, mean_exec_time, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements
                        where query not like '%pg_stat_%' and query not like '%pg_stat_activity%'
                        order by total_exec_time desc limit 8""",
                (row, index) -> String.format(java.util.Locale.ROOT, "%.1f × %.2f ms `%s`", row.getLong(1) / commands,
                        row.getDouble(2), abbreviated(row.getString(3)))).stream()
                .collect(java.util.stream.Collectors.joining("; "));
        record(new Figure("database statements", series + ", 16 clients (per command × mean time, the most time first)",
                top, null, null, null, null));
    }

    /** A statement's start and, where it has one, its condition: what tells two statements on one table apart. */
    static String abbreviated(String statement) {
        String text = statement.replace("|", "/");
        int where = text.indexOf(" where ");
        String start = text.substring(0, Math.min(text.length(), 40));
        return where < 0 ? (text.length() <= 70 ? text : text.substring(0, 70) + "…")
                : start + "… " + text.substring(where, Math.min(text.length(), where + 80)) + "…";
    }

    /** The real row of a stored purchase: the raw series writes rows of the same size. */
    byte[][] sampleEvent() {
        return jdbc.queryForObject("""
                        select payload, meta_data from domain_event_entry
                        where payload_type = 'io.benefitledger.pkg.PackagePurchased' order by global_index desc limit 1""",
                (row, index) -> new byte[][]{row.getBytes(1), row.getBytes(2)});
    }

    /**
     * PostgreSQL's own limit for the work a command does to the event store: per transaction, read the aggregate's
     * last sequence number and insert one event row of the same size, into a copy of the event table.
     */
    Series rawWrites(int clients, byte[][] sample, boolean contended) throws Exception {
        jdbc.execute("drop table if exists bench_raw_event");
        jdbc.execute("create table bench_raw_event (like domain_event_entry including all)");
        jdbc.execute("create sequence if not exists bench_raw_event_seq");
        // Connections of its own, outside the service's pool, as a plain JDBC client would have.
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection connection = ownConnection();
                connection.setAutoCommit(false);
                return connection;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
        Series series = run(clients, client -> {
            Connection connection = connections.get();
            if (!opened.contains(connection)) {
                opened.add(connection);
            }
            String aggregate = contended ? "raw-contended-" + (client % 4) : UUID.randomUUID().toString();
            while (true) {
                try (PreparedStatement last = connection.prepareStatement(
                        "select coalesce(max(sequence_number), -1) from bench_raw_event where aggregate_identifier = ?");
                     PreparedStatement insert = connection.prepareStatement("""
                             insert into bench_raw_event (global_index, event_identifier, aggregate_identifier,
                                 sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                             values (nextval('bench_raw_event_seq'), ?, ?, ?, 'BenefitPackage', ?,
                                 'io.benefitledger.pkg.PackagePurchased', '1', ?, ?)""")) {
                    last.setString(1, aggregate);
                    long sequence;
                    try (ResultSet row = last.executeQuery()) {
                        row.next();
                        sequence = row.getLong(1) + 1;
                    }
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, aggregate);
                    insert.setLong(3, sequence);
                    insert.setString(4, Instant.now().toString());
                    insert.setBytes(5, sample[0]);
                    insert.setBytes(6, sample[1]);
                    insert.executeUpdate();
                    connection.commit();
                    return "ok";
                } catch (SQLException conflict) {
                    connection.rollback();
                    if (!"23505".equals(conflict.getSQLState())) {
                        throw conflict;
                    }
                }
            }
        });
        for (Connection connection : opened) {
            connection.close();
        }
        jdbc.execute("drop table bench_raw_event");
        return series;
    }

    /** A connection to the service's database outside its pool, so that measuring it takes none of the pool's. */
    Connection ownConnection() throws SQLException {
        com.zaxxer.hikari.HikariDataSource pool = (com.zaxxer.hikari.HikariDataSource) dataSource;
        return java.sql.DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    long readYourWritesLag(String packageId) {
        long acknowledged = System.nanoTime();
        while (jdbc.queryForObject("select count(*) from benefit where package_id = ? and tab = 'SOFTWARE'", Long.class, packageId) == 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(500_000);
        }
        return System.nanoTime() - acknowledged;
    }

    // ---------------------------------------------------------------------------------------------- rebuild

    /**
     * A million events of a realistic mix: the history of one package recorded through the real aggregates (purchase
     * with software, seats and a technical benefit; a key revealed; seats assigned; the technical benefit fulfilled
     * and drawn on) is copied, with the real serializer's bytes, to {@code PACKAGES} packages of {@code PARTNERS}
     * partners. Then every projection is rebuilt from the first event.
     */
    void rebuild(EventProcessingConfiguration processing) throws Exception {
        List<StreamingEventProcessor> streaming = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        List<StreamingEventProcessor> projections = streaming.stream()
                .filter(processor -> processor.getName().equals(ReadSide.GROUP)).toList();
        String template = "tpl-" + UUID.randomUUID().toString().substring(0, 8);
        recordTemplate(template);
        streaming.forEach(StreamingEventProcessor::shutDown);

        long appendStart = System.nanoTime();
        long appended = appendCopies(template);
        double appendSeconds = (System.nanoTime() - appendStart) / 1e9;
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        long total = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        record(new Figure("rebuild", "events appended (the real serializer's bytes, hash chain by trigger)",
                appended + " in " + Math.round(appendSeconds) + " s; " + total + " in the store", null, null, null, null));

        double rawRate = rawScan(total);
        resetHeapPeaks();
        long start = System.nanoTime();
        for (StreamingEventProcessor projection : projections) {
            projection.resetTokens();
            projection.start();
        }
        for (StreamingEventProcessor projection : projections) {
            awaitPosition(projection, head);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = total / seconds;
        record(new Figure("rebuild", "the read models from the first event (events/s; wall; peak heap)",
                Math.round(rate) + "/s; " + Math.round(seconds) + " s; " + peakHeapMb() + " MB",
                Math.round(rawRate) + "/s (JDBC scan in order)", Math.round(rate / rawRate * 100) + " %",
                "≥ 25 % of raw", rate >= 0.25 * rawRate));
        // The processors that are not read models (audit checkpoints) then catch up on the appended events, before
        // the queries are measured, as they would have while the events were being recorded.
        long catchUp = System.nanoTime();
        streaming.stream().filter(processor -> !projections.contains(processor)).forEach(processor -> {
            processor.start();
            awaitPosition(processor, head);
        });
        record(new Figure("rebuild", "audit checkpoints made for the appended events (wall)",
                Math.round((System.nanoTime() - catchUp) / 1e9) + " s", null, null, null, null));
        // Autovacuum would vacuum the bulk-loaded tables and refresh the planner's statistics within minutes; the
        // queries below are measured in that steady state, not while it may still be running beside them, nor
        // against statistics of empty tables.
        jdbc.execute("vacuum analyze");
    }

    static void awaitPosition(StreamingEventProcessor processor, long position) {
        while (processor.processingStatus().size() < 2 || !processor.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= position)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    void recordTemplate(String template) {
        String packages = "/partners/bench/packages";
        post(packages, """
                {"packageId": "%s", "offering": "bench-silver"}""".formatted(template), admin);
        post(packages + "/" + template + "/software/office/keys", "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}", admin);
        String subscriptions = "/partners/bench/subscriptions/" + template + ":";
        post(subscriptions + "vs:1/assignment", "{\"userId\": \"alice\"}", admin);
        post(subscriptions + "vs:2/assignment", "{\"userId\": \"alice\"}", admin);
        post(subscriptions + "advisory/assignment", "{\"userId\": \"alice\", \"alternativeEmail\": \"a@mail.example\"}", admin);
        post(subscriptions + "advisory/fulfilment", "{\"fulfilmentReference\": \"F-1\"}", operator);
        post(subscriptions + "advisory/draws", "{\"phase\": \"PRESALES\", \"description\": \"demo\", \"amount\": 3}", admin);
    }

    record TemplateEvent(String aggregate, long sequence, String type, String payloadType, String revision,
                         String payload, byte[] metadata) {
    }

    long appendCopies(String template) throws SQLException {
        List<TemplateEvent> history = jdbc.query("""
                        select aggregate_identifier, sequence_number, type, payload_type, payload_revision, payload, meta_data
                        from domain_event_entry where aggregate_identifier like ? order by global_index""",
                (row, index) -> new TemplateEvent(row.getString(1), row.getLong(2), row.getString(3), row.getString(4),
                        row.getString(5), new String(row.getBytes(6), StandardCharsets.UTF_8), row.getBytes(7)),
                "bench/" + template + "%");
        long appended = 0;
        Instant start = Instant.now().minus(Duration.ofDays(20));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                        type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int n = 0; n < PACKAGES; n++) {
                    String packageId = "bench-" + n;
                    String partner = "partner-" + (n % PARTNERS);
                    Instant at = start.plusMillis(n * 10L);
                    for (TemplateEvent event : history) {
                        String payload = event.payload().replace(template, packageId).replace("\"bench\"", "\"" + partner + "\"");
                        insert.setString(1, UUID.randomUUID().toString());
                        // the copy is the partner's: its identifier is scoped to it (AggregateId)
                        insert.setString(2, partner + event.aggregate().substring("bench".length()).replace(template, packageId));
                        insert.setLong(3, event.sequence());
                        insert.setString(4, event.type());
                        insert.setString(5, at.toString());
                        insert.setString(6, event.payloadType());
                        insert.setString(7, event.revision());
                        insert.setBytes(8, payload.getBytes(StandardCharsets.UTF_8));
                        insert.setBytes(9, event.metadata());
                        insert.addBatch();
                        appended++;
                    }
                    if (n % 500 == 499) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
        return appended;
    }

    double rawScan(long total) throws SQLException {
        long start = System.nanoTime();
        long bytes = 0;
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement scan = connection.createStatement()) {
                scan.setFetchSize(10_000);
                try (ResultSet row = scan.executeQuery("""
                        select global_index, event_identifier, aggregate_identifier, sequence_number, time_stamp,
                               payload_type, payload, meta_data
                        from domain_event_entry order by global_index""")) {
                    while (row.next()) {
                        bytes += row.getBytes(7).length;
                        rows++;
                    }
                }
            }
            connection.commit();
        }
        if (rows != total || bytes == 0) {
            throw new IllegalStateException("scanned " + rows + " of " + total);
        }
        return rows / ((System.nanoTime() - start) / 1e9);
    }

    static void resetHeapPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    // ---------------------------------------------------------------------------------------------- queries

    /** Each tab and report at 100 requests/s, each request scheduled (open loop) so a slow answer cannot hide. */
    void queries() throws Exception {
        List<String> tenPartners = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tenPartners.add("partner-" + i);
        }
        List<String> allPartners = new ArrayList<>();
        for (int i = 0; i < PARTNERS; i++) {
            allPartners.add("partner-" + i);
        }
        String reader = token(Map.of("userId", "rita", "roles", List.of("REPORTING"), "partners", allPartners));
        String reporting = token(Map.of("userId", "rhea", "roles", List.of("REPORTING"), "partners", tenPartners));
        Map<String, java.util.function.Supplier<String>> queries = new LinkedHashMap<>();
        for (String tab : List.of("software", "cloud", "visual-studio", "technical", "go-to-market", "refund-eligibility")) {
            queries.put("tab " + tab + " (a partner of 1,000 packages)",
                    () -> "/partners/partner-" + ThreadLocalRandom.current().nextInt(PARTNERS) + "/" + tab);
        }
        for (String report : List.of("utilisation", "expiring-offers", "refundable-packages", "activation-backlog")) {
            queries.put("report " + report + " (10 partners, 10,000 packages)", () -> "/reports/" + report);
        }
        for (Map.Entry<String, java.util.function.Supplier<String>> query : queries.entrySet()) {
            String token = query.getKey().startsWith("report") ? reporting : reader;
            // Two seconds at the same rate first, not counted: the JIT and the caches warm up to a steady state.
            paced(100, Duration.ofSeconds(2), () -> get(query.getValue().get(), token));
            Series series = paced(100, Duration.ofSeconds(5), () -> get(query.getValue().get(), token));
            record(new Figure("queries at " + PACKAGES + " packages", query.getKey() + " at 100 req/s (p50/p99)",
                    ms(series.p50()) + "/" + ms(series.p99()) + (series.failures() > 0 ? "; " + series.failures() + " failed" : ""),
                    null, null, "p99 ≤ 20 ms", series.p99() <= 20_000_000L && series.failures() == 0));
        }
    }

    // ---------------------------------------------------------------------------------------------- audit

    /** An aggregate of 10,000 events, reconstructed as of random instants of its history. */
    void audit(EventProcessingConfiguration processing) throws Exception {
        scopedAuditAfter();
        String heavy = "heavy-" + UUID.randomUUID().toString().substring(0, 8);
        post("/partners/bench/packages", softwarePackage(heavy, 10_000), admin);
        byte[][] reveal = jdbc.queryForObject("""
                        select payload, meta_data from domain_event_entry
                        where payload_type = 'io.benefitledger.pkg.KeysRevealed' order by global_index desc limit 1""",
                (row, index) -> new byte[][]{row.getBytes(1), row.getBytes(2)});
        // Its reveals are recorded a millisecond apart after its purchase.
        Instant first = Instant.now().plusSeconds(1);
        String payload = new String(reveal[0], StandardCharsets.UTF_8)
                .replaceAll("\"packageId\":\\{\"value\":\"[^\"]+\"\\}", "\"packageId\":{\"value\":\"" + heavy + "\"}")
                .replaceAll("\"partnerId\":\\{\"value\":\"[^\"]+\"\\}", "\"partnerId\":{\"value\":\"bench\"}");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number,
                        type, time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (nextval('domain_event_entry_seq'), ?, ?, ?, 'BenefitPackage', ?, 'io.benefitledger.pkg.KeysRevealed', '1', ?, ?)""")) {
                for (int n = 1; n < HEAVY_EVENTS; n++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, "bench/" + heavy);
                    insert.setLong(3, n);
                    insert.setString(4, first.plusMillis(n).toString());
                    insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
                    insert.setBytes(6, reveal[1]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
        long committed = System.nanoTime();
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        awaitPosition(processing.eventProcessor("audit-checkpoints", StreamingEventProcessor.class).orElseThrow(), head);
        record(new Figure("audit", "checkpoints of the " + HEAVY_EVENTS + " events made in the background (after commit)",
                ms(System.nanoTime() - committed), null, null, null, null));
        // Ask only about instants that have passed.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), first.plusMillis(HEAVY_EVENTS)).toMillis()));
        String auditor = token(Map.of("userId", "ada", "roles", List.of("AUDITOR"), "partners", List.of("bench")));
        List<Long> latencies = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < 200; i++) {
            Instant at = first.plusMillis(ThreadLocalRandom.current().nextInt(HEAVY_EVENTS));
            long start = System.nanoTime();
            if (get("/partners/bench/audit/aggregates/" + heavy + "?at=" + at, auditor) == null) {
                failures++;
            }
            latencies.add(System.nanoTime() - start);
        }
        Collections.sort(latencies);
        record(new Figure("audit", "aggregate of " + HEAVY_EVENTS + " events as of a random instant (p50/p99)",
                ms(percentile(latencies, 50)) + "/" + ms(percentile(latencies, 99)) + (failures > 0 ? "; " + failures + " failed" : ""),
                null, null, "p99 ≤ 100 ms", percentile(latencies, 99) <= 100_000_000L && failures == 0));
    }

    /** A small partner's history, and what verifying it costs while the store holds little else. */
    static final String SCOPED = "scoped";
    long scopedVerificationOnAnEmptyStore;

    void scopedAuditBefore() throws Exception {
        String scopedAdmin = registerPartner(SCOPED);
        for (int n = 0; n < 10; n++) {
            post("/partners/" + SCOPED + "/packages", softwarePackage("p" + n, 5), scopedAdmin);
            post("/partners/" + SCOPED + "/packages/p" + n + "/software/office/keys",
                    "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}", scopedAdmin);
        }
        scopedVerificationOnAnEmptyStore = verificationP50();
    }

    /**
     * Verifying one partner's history reads that partner's events through the partner column's index: beside the
     * same verification on a nearly empty store, and beside the whole-store scan it replaced (every payload cast to
     * jsonb to find the partner's), with a million events of a hundred other partners in the store.
     */
    void scopedAuditAfter() throws Exception {
        long total = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        long events = jdbc.queryForObject("select count(*) from domain_event_entry where partner_id = ?", Long.class, SCOPED);
        long now = verificationP50();
        List<Long> scans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            jdbc.queryForObject("""
                    select count(*) from domain_event_entry e
                    where convert_from(e.payload, 'UTF8')::jsonb -> 'partnerId' ->> 'value' = ?""", Long.class, SCOPED);
            scans.add(System.nanoTime() - start);
        }
        Collections.sort(scans);
        record(new Figure("audit", "verification of a partner's " + events + " events with " + total
                + " in the store (p50), against the same on a nearly empty store",
                ms(now), ms(scopedVerificationOnAnEmptyStore) + " (nearly empty store)",
                Math.round((double) now / scopedVerificationOnAnEmptyStore * 100) + " %", null, null));
        record(new Figure("audit", "finding the same partner's events by scanning every payload (the former query, p50)",
                ms(percentile(scans, 50)), null, null, null, null));
    }

    long verificationP50() throws Exception {
        String auditor = token(Map.of("userId", "ada", "roles", List.of("AUDITOR"), "partners", List.of(SCOPED)));
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long start = System.nanoTime();
            if (get("/partners/" + SCOPED + "/audit/verification", auditor) == null) {
                throw new IllegalStateException("the verification failed");
            }
            latencies.add(System.nanoTime() - start);
        }
        Collections.sort(latencies);
        return percentile(latencies, 50);
    }

    // ---------------------------------------------------------------------------------------------- machinery

    /**
     * @param requestCpu the CPU time of the service's request threads per answered request, in ms
     * @param serviceCpu the CPU time of all the service's threads (requests, processors, the event store's reader)
     *                   per answered request, in ms: the JVM's cost of a request, whatever the machine's load
     */
    record Series(double perSecond, long p50, long p99, long failures, double requestCpu, double serviceCpu) {
    }

    /** CPU time so far of the service's threads, request threads first; the benchmark's own threads are not counted. */
    static long[] serviceCpu() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long requests = 0;
        long service = 0;
        for (java.lang.management.ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread == null || thread.getThreadName().startsWith("Thread-") || thread.getThreadName().startsWith("pool-")
                || thread.getThreadName().startsWith("HttpClient")) {
                continue;
            }
            long cpu = Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            service += cpu;
            if (thread.getThreadName().contains("http-nio")) {
                requests += cpu;
            }
        }
        return new long[]{requests, service};
    }

    interface Operation {
        String run(int client) throws Exception;
    }

    /** {@code clients} threads, each sending its next request when the last is answered; a warm-up second first. */
    Series run(int clients, Operation operation) throws Exception {
        return run(clients, SERIES, operation);
    }

    Series run(int clients, Duration measured, Operation operation) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong failures = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int id = client;
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    String answer;
                    try {
                        answer = operation.run(id);
                    } catch (Exception e) {
                        answer = null;
                    }
                    if (measuring.get()) {
                        if (answer == null) {
                            failures.incrementAndGet();
                        } else {
                            latencies.add(System.nanoTime() - start);
                        }
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(1000);
        long[] cpuBefore = serviceCpu();
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(measured.toMillis());
        measuring.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] cpuAfter = serviceCpu();
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        double answered = Math.max(1, sorted.size() + failures.get());
        return new Series(sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 99), failures.get(),
                (cpuAfter[0] - cpuBefore[0]) / 1e6 / answered, (cpuAfter[1] - cpuBefore[1]) / 1e6 / answered);
    }

    /** Requests started at a fixed rate whatever the answers take; latency counts from the scheduled start. */
    Series paced(int perSecond, Duration duration, java.util.concurrent.Callable<String> request) throws Exception {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
        java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(32);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long total = perSecond * duration.toSeconds();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch((int) total);
        long period = 1_000_000_000L / perSecond;
        long origin = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long scheduled = origin + i * period;
            clock.schedule(() -> workers.submit(() -> {
                try {
                    if (request.call() == null) {
                        failures.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
                latencies.add(System.nanoTime() - scheduled);
                done.countDown();
            }), scheduled - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        done.await();
        clock.shutdown();
        workers.shutdown();
        List<Long> sorted = latencies.stream().sorted().toList();
        return new Series(perSecond, percentile(sorted, 50), percentile(sorted, 99), failures.get(), Double.NaN, Double.NaN);
    }

    static long percentile(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format("%.1f ms", nanos / 1e6);
    }

    String registerPartner(String partner) throws Exception {
        post("/partners", """
                {"partnerId": "%s", "companyName": "Bench Ltd", "companyAccountEmail": "admin@%s.example",
                 "qualifications": [],
                 "firstAdmin": {"userId": "alice", "displayName": "Alice Admin", "email": "alice@%s.example"}}"""
                .formatted(partner, partner, partner), operator);
        return token(Map.of("userId", "alice", "partnerId", partner, "roles", List.of("GLOBAL_ADMIN")));
    }

    /** A purchase of the offering of Office with {@code keys} keys ({@link #publishOfferings}). */
    static String softwarePackage(String packageId, int keys) {
        return """
                {"packageId": "%s", "offering": "bench-office-%d"}""".formatted(packageId, keys);
    }

    /** The offerings the partners buy here, published once by the program operator. */
    void publishOfferings() {
        for (int keys : new int[]{2, 5, 10_000}) {
            put("/catalogue/offerings/bench-office-" + keys, """
                    {"name": "Action Pack",
                     "software": [{"productId": "office", "name": "Office", "keys": %d, "languages": ["en-US"],
                                   "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}]}"""
                    .formatted(keys));
        }
        put("/catalogue/offerings/bench-silver", """
                {"name": "Silver Core",
                 "software": [{"productId": "office", "name": "Office", "keys": 5, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 2}],
                 "technical": [{"allocationId": "advisory", "name": "Advisory hours", "quantity": 8, "unit": "HOUR"}]}""");
    }

    void put(String path, String body) {
        if (send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + operator).PUT(HttpRequest.BodyPublishers.ofString(body)).build()) == null) {
            throw new IllegalStateException("the operator could not publish " + path);
        }
    }

    String token(Map<String, Object> claims) throws Exception {
        HttpResponse<String> minted = http.send(HttpRequest.newBuilder(URI.create(base + "/local/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(claims))).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(minted.body()).get("token").asText();
    }

    /** The answer's body when it is a 2xx, else null. */
    String post(String path, String body, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    String get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET().build());
    }

    String send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() / 100 == 2 ? response.body() : null;
        } catch (Exception e) {
            return null;
        }
    }

    void record(Figure figure) {
        figures.add(figure);
        try {
            Path progress = Path.of("target", "benchmark", "progress.log");
            Files.createDirectories(progress.getParent());
            Files.writeString(progress, Instant.now() + " " + figure + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void report() throws Exception {
        StringBuilder table = new StringBuilder("| section | measured | ledger | PostgreSQL raw | ratio | bar | met |\n"
                                                + "|---|---|---|---|---|---|---|\n");
        for (Figure figure : figures) {
            table.append("| ").append(figure.section()).append(" | ").append(figure.what()).append(" | ").append(figure.value())
                    .append(" | ").append(figure.raw() == null ? "" : figure.raw()).append(" | ")
                    .append(figure.ratio() == null ? "" : figure.ratio()).append(" | ")
                    .append(figure.bar() == null ? "" : figure.bar()).append(" | ")
                    .append(figure.met() == null ? "" : figure.met() ? "yes" : "**no**").append(" |\n");
        }
        Path out = Path.of("target", "benchmark");
        Files.createDirectories(out);
        Files.writeString(out.resolve("benchmark.md"), table);
        Files.writeString(out.resolve("benchmark.json"),
                json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures));
        System.out.println("\n" + table);
    }
}
