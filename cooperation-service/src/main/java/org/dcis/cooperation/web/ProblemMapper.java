package org.dcis.cooperation.web;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.dcis.cooperation.shared.AccessDenied;
import org.dcis.cooperation.shared.Conflict;
import org.dcis.cooperation.shared.InvalidParameter;
import org.dcis.cooperation.shared.NotFound;
import org.dcis.cooperation.shared.RuleViolation;
import org.dcis.cooperation.shared.StaleVersion;
import org.dcis.cooperation.shared.Violation;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The one place where failures become RFC 9457 problems; unknown failures never show a stack trace. */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper({ ConstraintViolationException.class, ResteasyReactiveViolationException.class })
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        return problem(400, "validation", "Invalid request", count(violations), uri, violations, null);
    }

    @ServerExceptionMapper
    public Response rule(RuleViolation e, UriInfo uri) {
        return problem(422, "rule", "Request breaks a rule", e.getMessage(), uri, e.violations(), null);
    }

    @ServerExceptionMapper
    public Response parameter(InvalidParameter e, UriInfo uri) {
        return problem(400, "validation", "Invalid request", e.getMessage(), uri,
                List.of(new Violation(e.parameter(), e.getMessage())), null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e, UriInfo uri) {
        return problem(404, "not-found", "Not found", e.getMessage(), uri, null, null);
    }

    @ServerExceptionMapper
    public Response denied(AccessDenied e, UriInfo uri) {
        return respond(Problem.forbidden(e.getMessage(), instance(uri)));
    }

    // Most refusals of a token or a role happen before any resource runs; SecurityProblems answers those in this same shape.
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.forbidden(instance(uri)));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Problem problem = Problem.unauthorized(instance(uri));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("WWW-Authenticate", Problem.BEARER_CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e, UriInfo uri) {
        return problem(409, "conflict", "Conflict", e.getMessage(), uri, null, null);
    }

    @ServerExceptionMapper
    public Response stale(StaleVersion e, UriInfo uri) {
        return problem(412, "stale-version", "Precondition failed", e.getMessage(), uri, null, null);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleObjectStateException.class })
    public Response concurrent(RuntimeException e, UriInfo uri) {
        return problem(412, "stale-version", "Precondition failed",
                "the resource was changed by someone else meanwhile; read it again", uri, null, null);
    }

    @ServerExceptionMapper
    public Response preconditionRequired(ETags.PreconditionRequired e, UriInfo uri) {
        return problem(428, "precondition-required", "Precondition required", e.getMessage(), uri,
                List.of(new Violation("If-Match", "required")), null);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        return problem(400, "malformed", "Malformed JSON", "the body is not valid JSON: " + e.getOriginalMessage(), uri,
                List.of(new Violation("body", "malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr())), null);
    }

    @ServerExceptionMapper({ JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class, ValueInstantiationException.class })
    public Response mapping(JsonMappingException e, UriInfo uri) {
        String field = jsonPath(e.getPath());
        String message;
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "unknown value '" + format.getValue() + "'; allowed: " + Arrays.stream(
                    format.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + unknown.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException format) {
            message = "cannot read '" + format.getValue() + "' as " + format.getTargetType().getSimpleName();
        } else {
            message = "wrong type or shape: " + e.getOriginalMessage();
        }
        return problem(400, "validation", "Invalid request", field + ": " + message, uri,
                List.of(new Violation(field, message)), null);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return problem(400, "malformed", "Malformed JSON", "the body could not be read as JSON", uri,
                List.of(new Violation("body", e.getOriginalMessage())), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // the JSON reader wraps some Jackson failures: answer them as if unwrapped, naming the field
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return mapping(mapping, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        return problem(status, "http-" + status, known == null ? "Error" : known.getReasonPhrase(), e.getMessage(), uri,
                null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, uri.getPath());
        return problem(500, "internal", "Internal error", "unexpected failure; quote error id " + errorId, uri, null,
                errorId);
    }

    private static Response problem(int status, String type, String title, String detail, UriInfo uri,
            List<Violation> violations, String errorId) {
        return respond(new Problem(Problem.BASE + type, title, status, detail, instance(uri), violations, errorId));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String instance(UriInfo uri) {
        return "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String count(List<Violation> violations) {
        return violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid";
    }

    /** The JSON path of a violation, without the method and parameter nodes: {@code countries[1]}. */
    static String field(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.RETURN_VALUE || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.isInIterable()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
