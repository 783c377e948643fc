package io.inventorysync.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running inside this JVM, listening on
 * the loopback interface only. Its storage is a directory the caller owns: a restart on the same directory keeps
 * topics, records and committed offsets.
 *
 * <p>Meant as the zero-setup local default and for integration tests; it is one broker with replication
 * factor 1, so it offers none of a cluster's availability.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String HOST = "127.0.0.1";
    /** Beside Kafka's own {@code .lock}; the broker ignores plain files in its log directory. */
    private static final String LOCK_FILE = "embedded-broker.lock";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaRaftServer server;
    private final DirectoryLock directoryLock;
    private final Path dataDir;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(KafkaRaftServer server, DirectoryLock directoryLock, Path dataDir, int port) {
        this.server = server;
        this.directoryLock = directoryLock;
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * Starts a broker on {@code dataDir}, formatting it first if it has never held a broker.
     *
     * @param dataDir directory for the log segments and the metadata log; created if missing
     * @param port    client port on 127.0.0.1; {@code 0} picks a free one
     * @return the running broker, ready to accept topic creation and produce requests
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        int clientPort = port == 0 ? LoopbackPorts.freePort() : port;
        // Static quorum (controller.quorum.voters): the voter's address comes from the configuration on every
        // start and is not written into the storage, so a new controller port per run is fine.
        int controllerPort = LoopbackPorts.freePort();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data directory " + dir, e);
        }
        // Kafka's own lock on the directory is taken by the broker half, after the controller half has already
        // started on the same metadata log: a second server on a directory in use would disturb the running one
        // before failing. Claim the directory first.
        DirectoryLock lock = DirectoryLock.acquire(dir, LOCK_FILE, "embedded Kafka broker");
        EmbeddedKafkaBroker broker;
        try {
            formatIfNeeded(dir);
            KafkaRaftServer server = new KafkaRaftServer(
                    KafkaConfig.fromProps(brokerProperties(dir, clientPort, controllerPort), false), Time.SYSTEM);
            broker = new EmbeddedKafkaBroker(server, lock, dir, clientPort);
        } catch (IOException e) {
            lock.close();
            throw new UncheckedIOException("Cannot format Kafka data directory " + dir, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            broker.server.startup();
            broker.awaitUnfenced();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.info("Embedded Kafka broker ready on {} (data: {})", broker.bootstrapServers(), dir);
        return broker;
    }

    /** The {@code host:port} clients connect to. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The client port actually bound. */
    public int port() {
        return port;
    }

    /** The storage directory (absolute). */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates a topic with replication factor 1 unless it exists already (its partition count is then left as
     * it is).
     */
    public void createTopic(String name, int partitions) {
        try (Admin admin = newAdmin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + name, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topic " + name, e);
        }
    }

    /** Shuts the broker down and waits until its threads have stopped; calling it again does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        // Kafka's fault handlers end the process with Exit.halt/exit when, for example, a log directory
        // becomes unusable. A broker that is stopping may meet such a fault on the way down (threads racing the
        // shutdown); inside an application that must not kill the JVM, so during shutdown only those calls
        // are logged instead. Exit keeps its procedure in a static field, hence set here and reset right after.
        Exit.setHaltProcedure((status, message) ->
                LOG.warn("Kafka asked to halt the JVM (status {}) while shutting down: {}", status, message));
        Exit.setExitProcedure((status, message) ->
                LOG.warn("Kafka asked to exit the JVM (status {}) while shutting down: {}", status, message));
        try {
            server.shutdown();
            server.awaitShutdown();
            LOG.info("Embedded Kafka broker on {} stopped", bootstrapServers());
        } finally {
            Exit.resetHaltProcedure();
            Exit.resetExitProcedure();
            directoryLock.close();
        }
    }

    private Admin newAdmin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()));
    }

    /**
     * {@link KafkaRaftServer#startup()} returns before the controller has unfenced the broker; until then topic
     * creation fails with "0 brokers registered". The broker lists only unfenced brokers in its metadata, so
     * waiting until it lists itself is waiting until it can take work.
     */
    private void awaitUnfenced() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        try (Admin admin = newAdmin()) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    LOG.debug("Embedded Kafka broker not ready yet", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Embedded Kafka broker on " + bootstrapServers()
                            + " did not become ready within " + READY_TIMEOUT);
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for the embedded Kafka broker", e);
        }
    }

    /**
     * Formats only a directory that has never been formatted: formatting again would give the node a new
     * cluster id, and the broker would then refuse the existing data.
     */
    private static void formatIfNeeded(Path dir) throws IOException {
        if (Files.exists(dir.resolve("meta.properties"))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .addDirectory(dir.toString())
                    .setMetadataLogDirectory(dir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka storage in " + dir, e);
        }
        LOG.info("Formatted Kafka storage in {} (cluster id {})", dir, clusterId);
    }

    private static Properties brokerProperties(Path dir, int clientPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.toString());

        // One broker: every internal topic and every write can only ever have one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        // Fewer internal partitions than the cluster defaults (50): a local broker has one consumer group or two,
        // and each partition costs files and load time at startup.
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");

        p.put("auto.create.topics.enable", "true");
        // Consumers join at once instead of waiting 3 s for more members that never come.
        p.put("group.initial.rebalance.delay.ms", "0");
        // The log cleaner allocates this buffer on the heap at startup (128 MiB by default): too much to take from
        // the application that hosts the broker.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return p;
    }
}
