package org.peercircle.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

/**
 * A request that got no database connection is answered 503 with a Retry-After, which clients may act on, not
 * 500, which reports a bug (the city generator met two such 500s from a pool's acquisition timeout under load).
 */
class NoConnectionTest {

    final ProblemMappers mappers = new ProblemMappers();

    @Test
    void thePoolsAcquisitionTimeoutIsA503WithRetryAfter() {
        // as Hibernate wraps what Agroal throws
        Response r = mappers.unexpected(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!")), null);

        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo(String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS));
        assertThat(r.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        Problem problem = (Problem) r.getEntity();
        assertThat(problem.getType()).isEqualTo("urn:peercircle:problem:unavailable");
        assertThat(problem.getDetail()).contains("send it again");
    }

    @Test
    void postgresqlRefusingConnectionsIsA503() {
        for (String state : new String[] { "53300", "57P03", "08001", "08004" }) {
            Response r = mappers.unexpected(new IllegalStateException("query failed",
                    new SQLException("refused", state)), null);
            assertThat(r.getStatus()).as(state).isEqualTo(503);
        }
    }

    @Test
    void otherDatabaseErrorsStayInternalErrors() {
        // a unique violation, a broken connection in mid-transaction (its commit may have happened), any message
        for (SQLException e : new SQLException[] { new SQLException("duplicate key", "23505"),
                new SQLException("I/O error", "08006"), new SQLException("acquisition timeout") }) {
            Response r = mappers.unexpected(new RuntimeException(e), null);
            assertThat(r.getStatus()).as(e.getMessage()).isEqualTo(500);
            assertThat(r.getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
        }
    }
}
