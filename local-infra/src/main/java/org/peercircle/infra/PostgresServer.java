package org.peercircle.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The real PostgreSQL server (binaries shipped in Maven artifacts by zonky), for tests and the local run.
 * With a data directory the data survives a restart; without one it lives in a temporary folder.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server on a free port, for tests. */
    public static PostgresServer startTemporary() {
        return start(Ports.free(), null);
    }

    /** A server on {@code port}; a non-null {@code dataDir} is reused if it already holds a cluster. */
    public static PostgresServer start(int port, Path dataDir) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDir == null ? "off" : "on");
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            return new PostgresServer(builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates each database that does not exist yet (one per service). */
    public void createDatabases(Collection<String> databases) {
        createDatabases(jdbcUrl("postgres"), USER, PASSWORD, databases);
    }

    /** Creates the missing databases on any PostgreSQL server reachable at {@code adminUrl}. */
    public static void createDatabases(String adminUrl, String user, String password, Collection<String> databases) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password)) {
            for (String db : databases) {
                if (!exists(c, db)) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE DATABASE \"" + db.replace("\"", "") + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create databases " + databases + " at " + adminUrl, e);
        }
    }

    private static boolean exists(Connection c, String db) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, db);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
