package org.peercircle.reporting.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;

/**
 * Runs a request's reads on a connection of the {@code queries} pool, which consumers never use: read-only, one
 * snapshot for all of the request's queries (repeatable read), and every statement limited by
 * {@code statement_timeout}, all three set once per connection. However slow a request is, it holds neither a
 * consumer's connection nor a consumer's thread, and a runaway query is cancelled by the database.
 */
@ApplicationScoped
public class Reads {

    @Inject
    @DataSource("queries")
    AgroalDataSource queries;

    public <T> T call(Supplier<T> work) {
        return call(null, work);
    }

    /** Runs {@code work} with another time limit per statement than the pool's, e.g. {@code "60s"}. */
    public void run(String statementTimeout, Runnable work) {
        call(statementTimeout, () -> {
            work.run();
            return null;
        });
    }

    private <T> T call(String statementTimeout, Supplier<T> work) {
        if (Sql.READ_CONNECTION.get() != null) {
            return work.get();
        }
        try (Connection c = queries.getConnection()) {
            // the pool's connections are read-only and repeatable read already (application.properties)
            c.setAutoCommit(false);
            if (statementTimeout != null) {
                try (var ps = c.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
                    ps.setString(1, statementTimeout);
                    ps.execute();
                }
            }
            Sql.READ_CONNECTION.set(c);
            try {
                return work.get();
            } finally {
                Sql.READ_CONNECTION.remove();
                c.rollback();
            }
        } catch (SQLException e) {
            throw new Sql.QueryFailedException(e);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
