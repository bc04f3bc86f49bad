package org.peercircle.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a request's reads can rely on, now that the {@code queries} pool sets it once per connection instead of per
 * request: they cannot write, all of a request's queries see one snapshot, and each statement has a time limit.
 */
@QuarkusTest
class ReadsTest {

    @Inject
    Reads reads;

    @Inject
    Sql sql;

    /** The consumers' pool, which writes. */
    @Inject
    AgroalDataSource writer;

    @Test
    void aRequestCannotWrite() {
        assertThatThrownBy(() -> reads.run(() -> sql.update("DELETE FROM support_group WHERE group_id = ?", UUID.randomUUID())))
                .isInstanceOf(Sql.QueryFailedException.class)
                .hasStackTraceContaining("read-only transaction");
    }

    @Test
    void aRequestSeesOneSnapshotWhateverCommitsMeanwhile() {
        write("CREATE TABLE reads_test_probe (id uuid)");
        try {
            String count = "SELECT count(*) FROM reads_test_probe";
            long[] seen = reads.call(() -> {
                long before = sql.count(count);
                write("INSERT INTO reads_test_probe VALUES (gen_random_uuid())");
                return new long[] { before, sql.count(count) };
            });
            assertThat(seen).as("both queries of the request read the snapshot of its first").containsExactly(0, 0);
            assertThat(reads.call(() -> sql.count(count))).as("the next request sees the commit").isEqualTo(1);
        } finally {
            write("DROP TABLE reads_test_probe");
        }
    }

    @Test
    void eachStatementHasATimeLimit() {
        assertThat(reads.call(() -> sql.list("SHOW statement_timeout", rs -> rs.getString(1)))).containsExactly("5s");
        reads.run("60s", () -> assertThat(sql.list("SHOW statement_timeout", rs -> rs.getString(1))).containsExactly("1min"));
        assertThat(reads.call(() -> sql.list("SHOW statement_timeout", rs -> rs.getString(1))))
                .as("a longer limit lasts for its own request only").containsExactly("5s");
    }

    /** A statement committed by another connection at once. */
    private void write(String statement) {
        try (Connection c = writer.getConnection(); var st = c.createStatement()) {
            st.execute(statement);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
