package org.peercircle.platform.problem;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where exceptions become responses: every error leaves a PeerCircle service as
 * {@code application/problem+json}, with field-level violations for bad input and never a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .collect(Collectors.toList());
        return respond(ProblemException.invalid(violations).problem(), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(ProblemException.invalid(jsonPath(e), describe(e)).problem(), uri);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e, UriInfo uri) {
        return respond(ProblemException.invalid(jsonPath(e), e.getOriginalMessage()).problem(), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(new Problem("malformed-request", "Malformed JSON", 400,
                "The request body is not valid JSON: " + e.getOriginalMessage(), null), uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("forbidden", "Forbidden", 403,
                "Your role does not allow this operation", null), uri);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return staleVersion(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return staleVersion(uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return internal(e, uri);
        }
        if (e.getCause() instanceof MismatchedInputException mie) {
            return mismatchedInput(mie, uri);
        }
        if (e.getCause() instanceof JsonParseException jpe) {
            return malformedJson(jpe, uri);
        }
        String kind = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return respond(new Problem(kind, status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), null), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (noConnectionNow(e)) {
            return unavailable(e, uri);
        }
        return internal(e, uri);
    }

    /** Seconds a client is asked to wait before sending a request again that found the database out of reach. */
    static final int RETRY_AFTER_SECONDS = 2;

    /**
     * Whether the request failed because it got no database connection: the pool had none free within its
     * acquisition timeout, or PostgreSQL refused a new one (full, starting, shutting down, unreachable). The service
     * is overloaded or cut off, not wrong, and the request's transaction is rolled back: a 503 tells the client to
     * send it again, where a 500 would report a bug.
     */
    static boolean noConnectionNow(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // Agroal's own, without a SQLState
                if (state == null && "Sorry, acquisition timeout!".equals(sql.getMessage())) {
                    return true;
                }
                // too_many_connections, cannot_connect_now, and the client's "could not establish a connection"
                if (state != null && (state.equals("53300") || state.equals("57P03") || state.equals("08001")
                        || state.equals("08004"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Response unavailable(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.warnf("No database connection for a request, answered 503 (incident %s): %s", incident, e);
        Problem problem = new Problem("unavailable", "Service unavailable", 503,
                "No database connection was free for this request, and nothing of it was saved; send it again in "
                        + RETRY_AFTER_SECONDS + " s (incident " + incident + ")", null).with("incident", incident);
        return problemResponse(problem, uri).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static Response internal(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return respond(new Problem("internal", "Internal error", 500,
                "Something went wrong on our side; quote incident " + incident + " when reporting it", null)
                .with("incident", incident), uri);
    }

    private static Response unauthenticated(UriInfo uri) {
        Problem problem = new Problem("unauthorized", "Unauthorized", 401,
                "A valid bearer token is required", null);
        return problemResponse(problem, uri).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static Response staleVersion(UriInfo uri) {
        return respond(ProblemException.conflict(
                "The record was changed by someone else; reload it and apply your change again").problem(), uri);
    }

    private static Response respond(Problem problem, UriInfo uri) {
        return problemResponse(problem, uri).build();
    }

    /** The problem as the response's body, at the request's path; for callers that add a header. */
    private static Response.ResponseBuilder problemResponse(Problem problem, UriInfo uri) {
        if (problem.getInstance() == null && uri != null) {
            problem.at(uri.getPath());
        }
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /** {@code register.request.birthDate} becomes {@code birthDate}; a query parameter keeps its name. */
    /**
     * The JSON path of the violated field, as the client wrote it: {@code conditions[0].instrumentCode}. Bean
     * Validation puts a list index on the node <em>inside</em> the list, so it is appended before that node's name.
     */
    static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN) {
                continue;
            }
            if (node.isInIterable() && field.length() > 0) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position != null) {
                    field.append('[').append(position).append(']');
                }
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() > 0 ? field.toString() : parameter != null ? parameter : "request";
    }

    private static String jsonPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "request" : path;
    }

    private static String describe(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (e instanceof InvalidFormatException ife && target != null && target.isEnum()) {
            return "'" + ife.getValue() + "' is not one of " + Arrays.toString(target.getEnumConstants());
        }
        if (e instanceof InvalidFormatException ife && target != null) {
            return "'" + ife.getValue() + "' is not a valid " + simpleName(target);
        }
        if (target != null) {
            return "expected " + simpleName(target);
        }
        return e.getOriginalMessage();
    }

    private static String simpleName(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "OffsetDateTime", "ZonedDateTime", "Instant" -> "date-time (ISO-8601 with offset)";
            case "UUID" -> "UUID";
            default -> type.getSimpleName();
        };
    }
}
