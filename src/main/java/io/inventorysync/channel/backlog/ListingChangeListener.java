package io.inventorysync.channel.backlog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.inventorysync.channel.ListingStore;

/**
 * Holds one PostgreSQL connection in LISTEN on {@link ListingStore#NOTIFY_CHANNEL} and wakes the dispatchers of
 * the named channel. PostgreSQL delivers a NOTIFY only when the ledger's transaction commits, so a woken
 * dispatcher always sees the committed desired state. Reconnects on failure; dispatchers also poll as a fallback.
 */
public class ListingChangeListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ListingChangeListener.class);

    private final DataSource dataSource;
    private final Map<String, Set<Runnable>> wakers = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public ListingChangeListener(DataSource dataSource) {
        this.dataSource = dataSource;
        this.thread = new Thread(this::listenLoop, "listing-change-listener");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public void register(String channel, Runnable wake) {
        wakers.computeIfAbsent(channel, c -> new CopyOnWriteArraySet<>()).add(wake);
    }

    public void unregister(String channel, Runnable wake) {
        wakers.getOrDefault(channel, Set.of()).remove(wake);
    }

    private void listenLoop() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + ListingStore.NOTIFY_CHANNEL);
                }
                // wake everyone once: changes committed while we were not listening are not lost
                wakers.values().forEach(set -> set.forEach(Runnable::run));
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            wakers.getOrDefault(n.getParameter(), Set.of()).forEach(Runnable::run);
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("Listening for listing changes failed ({}); dispatchers fall back to polling until it reconnects",
                            e.getMessage());
                    sleepQuietly(Duration.ofSeconds(2));
                }
            }
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
