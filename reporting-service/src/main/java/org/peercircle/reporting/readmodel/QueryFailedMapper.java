package org.peercircle.reporting.readmodel;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.peercircle.platform.problem.Problem;

/** A read that ran out of time (or of pool connections) answers 503 with Retry-After, not 500. */
public class QueryFailedMapper {

    private static final Logger LOG = Logger.getLogger(QueryFailedMapper.class);

    @ServerExceptionMapper
    public Response queryFailed(Sql.QueryFailedException e, UriInfo uri) {
        LOG.warnf("A read of %s failed: %s", uri.getPath(), e.getMessage());
        Problem problem = new Problem("figures-unavailable", "Figures unavailable", 503,
                "The figures could not be read in time; try again shortly", null).at(uri.getPath());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5").entity(problem).build();
    }
}
