package org.dcis.posts.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.dcis.posts.rules.FieldViolation;
import org.dcis.posts.rules.RegistryException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The one place where failures become RFC 9457 problems; nothing else builds error responses. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response registry(RegistryException e, UriInfo uri) {
        return switch (e.kind()) {
            case INVALID -> respond(Problem.of("validation", "Invalid request", 400, e.getMessage(), path(uri), e.violations()));
            case RULE_BROKEN -> respond(Problem.of("rule-broken", "Request breaks a registry rule", 422, e.getMessage(),
                    path(uri), e.violations()));
            case NOT_FOUND -> respond(Problem.of("not-found", "Not found", 404, e.getMessage(), path(uri), null));
            case CONFLICT -> respond(Problem.of("conflict", "Conflict", 409, e.getMessage(), path(uri), e.violations()));
            case STALE_VERSION -> respond(Problem.of("stale-version", "Precondition failed", 412, e.getMessage(), path(uri), null));
            case VERSION_REQUIRED -> respond(Problem.of("version-required", "Precondition required", 428, e.getMessage(),
                    path(uri), null));
        };
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            violations.add(new FieldViolation(field(violation.getPropertyPath()), violation.getMessage()));
        }
        violations.sort(java.util.Comparator.comparing(FieldViolation::field));
        return respond(Problem.of("validation", "Invalid request",
                400, violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                        : violations.size() + " fields are invalid",
                path(uri), violations));
    }

    @ServerExceptionMapper({ JsonParseException.class })
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of("malformed-json", "Malformed JSON", 400, "the body is not valid JSON" + at, path(uri),
                List.of(new FieldViolation("body", "not valid JSON" + at))));
    }

    @ServerExceptionMapper({ MismatchedInputException.class, InvalidFormatException.class, JsonMappingException.class })
    public Response wrongType(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e.getPath());
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            message = "unknown value '" + invalid.getValue() + "'; expected one of "
                    + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException invalid) {
            message = "'" + invalid.getValue() + "' is not a valid " + simpleType(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "expected a " + simpleType(mismatched.getTargetType());
        } else {
            message = "cannot be read";
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return respond(Problem.of("validation", "Invalid request", 400, field + ": " + message, path(uri),
                List.of(new FieldViolation(field, message))));
    }

    // Most refusals of a token or a role happen before any resource runs; SecurityProblems answers those in this same shape.
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return challenge(Problem.unauthorized(path(uri)));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return challenge(Problem.unauthorized(path(uri)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.forbidden(path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String type = e instanceof NotFoundException ? "not-found"
                : e instanceof NotAllowedException ? "method-not-allowed"
                        : e instanceof NotSupportedException ? "unsupported-media-type" : "http-" + status;
        String detail = e instanceof NotFoundException ? "no such resource" : e.getMessage();
        if (e.getCause() instanceof JsonProcessingException json) {
            return json instanceof JsonMappingException mapping ? wrongType(mapping, uri) : malformedJson(json, uri);
        }
        return respond(Problem.of(type, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), status, detail, path(uri), null));
    }

    @ServerExceptionMapper
    public Response persistence(jakarta.persistence.PersistenceException e, UriInfo uri) {
        org.hibernate.exception.ConstraintViolationException constraint = cause(e,
                org.hibernate.exception.ConstraintViolationException.class);
        if (constraint != null && constraint.getConstraintName() != null) {
            String name = constraint.getConstraintName();
            String detail = switch (name) {
                case "coverage_one_current_post" -> "a country of this request was claimed by another post at the same time";
                case "assignment_one_current_per_officer" -> "this officer already has a current assignment";
                case "post_pkey" -> "this post already exists";
                case "officer_pkey" -> "this officer was just recorded by a simultaneous request; retry to see its assignment";
                default -> "the change conflicts with the registry (" + name + ")";
            };
            return respond(Problem.of("conflict", "Conflict", 409, detail, path(uri), null));
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        RegistryException registry = cause(e, RegistryException.class);
        if (registry != null) {
            return registry(registry, uri);
        }
        if (cause(e, org.hibernate.exception.ConstraintViolationException.class) != null) {
            return persistence(new jakarta.persistence.PersistenceException(e), uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, path(uri));
        return respond(Problem.of("internal", "Internal error", 500,
                "unexpected failure; quote error id " + errorId, path(uri), null).withErrorId(errorId));
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response challenge(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("WWW-Authenticate", Problem.BEARER_CHALLENGE).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** "open.request.coverage[0]" → "coverage[0]": the method and parameter nodes are not the client's field names. */
    private static String field(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> names.clear();
                default -> {
                    String name = node.getName();
                    if (node.getIndex() != null && !names.isEmpty() && (name == null || name.startsWith("<"))) {
                        int last = names.size() - 1;
                        names.set(last, names.get(last) + "[" + node.getIndex() + "]");
                    } else if (name != null && !name.startsWith("<")) {
                        names.add(name);
                    }
                }
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        return type.getSimpleName();
    }
}
