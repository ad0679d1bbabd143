package org.dcis.platform.problem;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.dcis.platform.json.RefusedJsonValue;
import org.dcis.platform.persistence.DatabaseFailures;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become RFC 9457 problems, for every service on the platform. Refusals of
 * the HTTP security layer, which happen before any resource runs, get the same bodies from
 * {@link SecurityProblems}. Unknown failures become a 500 with an error id that is logged; never a stack
 * trace, a class name or SQL text.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** A refused value is quoted back up to this length: enough to recognise it, never a whole upload. */
    static final int QUOTE_LIMIT = 60;
    /** No message of a problem is longer, whatever a rule or a validator put into it. */
    static final int MESSAGE_LIMIT = 300;
    private static final String DUPLICATE_FIELD = "Duplicate field '";

    @Inject
    Instance<ConstraintMessages> constraintMessages;

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        List<Violation> violations = e.violations().stream()
                .map(v -> new Violation(v.field(), message(v.message()))).toList();
        return respond(Problem.of(e.type(), message(e.getMessage()), instance(uri), violations));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(field(v), message(v.getMessage())))
                .sorted(Comparator.comparing(Violation::field))
                .toList();
        String detail = violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        return respond(Problem.of(ProblemType.VALIDATION, detail, instance(uri), violations));
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleObjectStateException.class })
    public Response concurrent(RuntimeException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.STALE_VERSION,
                "the resource was changed by someone else meanwhile; read it again", instance(uri)));
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        if (isDuplicate(e)) {
            return duplicate(e, uri);
        }
        String at = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of(ProblemType.MALFORMED_JSON, "the body is not valid JSON" + at, instance(uri),
                List.of(new Violation("body", "not valid JSON" + at))));
    }

    /**
     * Also registered for the subtypes of {@link JsonMappingException} (unknown enum values and fields, wrong
     * types): quarkus-rest-jackson maps {@link MismatchedInputException} itself (priority 5100, with a body
     * that is no problem), and a mapper of the superclass alone would lose to it as the less close match.
     */
    @ServerExceptionMapper({ JsonMappingException.class, MismatchedInputException.class, InvalidFormatException.class,
            UnrecognizedPropertyException.class })
    public Response mapping(JsonMappingException e, UriInfo uri) {
        JsonParseException parse = cause(e, JsonParseException.class);
        if (parse != null && isDuplicate(parse)) {
            return duplicate(parse, uri); // a duplicate key inside a list or an object: Jackson wrapped it with the path
        }
        String field = jsonPath(e.getPath());
        String message;
        if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Trailing token")) {
            return respond(Problem.of(ProblemType.MALFORMED_JSON, "the body holds more than one JSON value",
                    instance(uri), List.of(new Violation("body", "content after the JSON value"))));
        }
        if (e instanceof RefusedJsonValue refused) {
            message = refused.reason();
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field '" + quote(unknown.getPropertyName()) + "'";
            field = field.isEmpty() ? quote(unknown.getPropertyName()) : field;
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "unknown value '" + quote(String.valueOf(format.getValue())) + "'; allowed: "
                    + Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException format) {
            message = "'" + quote(String.valueOf(format.getValue())) + "' is not a valid " + typeName(format.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "expected " + article(typeName(mismatched.getTargetType()));
        } else {
            message = "cannot be read";
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return respond(Problem.of(ProblemType.VALIDATION, field + ": " + message, instance(uri),
                List.of(new Violation(field, message))));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.MALFORMED_JSON, "the body could not be read as JSON", instance(uri),
                List.of(new Violation("body", "not valid JSON"))));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Problem problem = Problem.unauthenticated(instance(uri));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                .header("WWW-Authenticate", Problem.BEARER_CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.forbidden(instance(uri)));
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
        ProblemType type = ProblemType.ofStatus(status);
        String detail = type == ProblemType.NOT_FOUND ? "no such resource" : type.title();
        return respond(new Problem(type.uri(), type.title(), status, detail, instance(uri), null, null));
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        DomainException domain = cause(e, DomainException.class);
        if (domain != null) {
            return domain(domain, uri);
        }
        Optional<DomainException> refusal = constraintRefusal(e);
        if (refusal.isPresent()) {
            return domain(refusal.get(), uri);
        }
        if (cause(e, OptimisticLockException.class) != null || cause(e, StaleObjectStateException.class) != null) {
            return concurrent(null, uri);
        }
        if (DatabaseFailures.isUnavailable(e)) {
            // the database is away or saturated: the request may succeed later; nothing about it is unknown
            LOG.warnf("Database unavailable on %s: %s", instance(uri), e.getMessage());
            Problem problem = Problem.of(ProblemType.SERVICE_UNAVAILABLE,
                    "the service cannot reach its database right now; try again later", instance(uri));
            return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem)
                    .header("Retry-After", "5").build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", errorId, instance(uri));
        return respond(Problem.of(ProblemType.INTERNAL, "unexpected failure; quote error id " + errorId, instance(uri))
                .withErrorId(errorId));
    }

    /** A database constraint that refused a change a concurrent request made first: a 409, never a 500. */
    private Optional<DomainException> constraintRefusal(Throwable e) {
        org.hibernate.exception.ConstraintViolationException constraint = cause(e,
                org.hibernate.exception.ConstraintViolationException.class);
        if (constraint == null) {
            return Optional.empty();
        }
        String name = constraint.getConstraintName();
        if (name != null && constraintMessages != null) {
            for (ConstraintMessages messages : constraintMessages) {
                Optional<DomainException> refusal = messages.refusal(name);
                if (refusal.isPresent()) {
                    return refusal;
                }
            }
        }
        return Optional.of(new Conflict("the change conflicts with stored data changed at the same time; read it again"));
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

    static String instance(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= QUOTE_LIMIT ? value : value.substring(0, QUOTE_LIMIT) + "…";
    }

    /** A message as a problem carries it: never longer than {@link #MESSAGE_LIMIT}. */
    static String message(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MESSAGE_LIMIT ? text : text.substring(0, MESSAGE_LIMIT) + "…";
    }

    private static boolean isDuplicate(JsonParseException e) {
        String message = e.getOriginalMessage();
        return message != null && message.startsWith(DUPLICATE_FIELD) && message.endsWith("'");
    }

    /** The platform's strict JSON ({@code StrictJson}) refuses a key given twice: name the field, as for any bad value. */
    private static Response duplicate(JsonParseException e, UriInfo uri) {
        String message = e.getOriginalMessage();
        String field = duplicatePath(e, message.substring(DUPLICATE_FIELD.length(), message.length() - 1));
        String said = "given more than once";
        return respond(Problem.of(ProblemType.VALIDATION, field + ": " + said, instance(uri),
                List.of(new Violation(field, said))));
    }

    /** Where a duplicate key was met, from the parser's context: {@code outcomes[0].note}. */
    static String duplicatePath(JsonParseException e, String name) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        com.fasterxml.jackson.core.JsonParser parser = e.getProcessor();
        if (parser != null) {
            // the context is the object holding the duplicate; its current name is already the duplicate's
            com.fasterxml.jackson.core.JsonStreamContext context = parser.getParsingContext();
            for (com.fasterxml.jackson.core.JsonStreamContext c = context == null ? null : context.getParent();
                    c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inArray()) {
                    parts.push("[" + c.getCurrentIndex() + "]");
                } else if (c.inObject() && c.getCurrentName() != null) {
                    parts.push("." + quote(c.getCurrentName()));
                }
            }
        }
        StringBuilder field = new StringBuilder();
        parts.forEach(field::append);
        field.append('.').append(quote(name));
        return field.charAt(0) == '.' ? field.substring(1) : field.toString();
    }

    /** The JSON path of a violation, without the method and parameter nodes: {@code countries[1]}. */
    static String field(ConstraintViolation<?> violation) {
        return field(violation.getPropertyPath());
    }

    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.RETURN_VALUE || kind == ElementKind.CROSS_PARAMETER) {
                field.setLength(0);
                continue;
            }
            // an element of a list has its index, of a map its key; of a set nothing, and the set itself is named
            Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
            if (node.isInIterable() && field.length() > 0 && position != null) {
                field.append('[').append(position).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(name);
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(quote(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    /** What a client calls the type it must send: never a Java class name. */
    static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) {
            return "instant (like 2026-01-31T10:00:00Z)";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
