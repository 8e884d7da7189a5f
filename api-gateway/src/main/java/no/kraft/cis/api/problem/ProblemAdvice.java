package no.kraft.cis.api.problem;

import jakarta.persistence.OptimisticLockException;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.InvalidValueException;
import no.kraft.cis.rule.NotFoundException;
import no.kraft.cis.rule.ValidationFailedException;
import no.kraft.cis.rule.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every failure leaves as RFC 9457 {@code application/problem+json}: {@code type}, {@code title}, {@code status},
 * {@code detail}, plus {@code violations} — each naming the {@code field} and the {@code rule} it broke. Since each
 * command is one transaction, an answer in the 4xx range means nothing was changed.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    static final URI VALIDATION = URI.create("urn:kraft-cis:problem:validation");
    static final URI CONFLICT = URI.create("urn:kraft-cis:problem:conflict");
    static final URI NOT_FOUND = URI.create("urn:kraft-cis:problem:not-found");

    /** Database constraints that can only fire in a race the service checks lost; named for the client. */
    private static final Map<String, Violation> CONSTRAINTS = Map.of(
            "delivery_no_overlap", new Violation("validFrom", "delivery.overlap",
                    "the metering point is already supplied in an overlapping period"),
            "customer_national_id_uq", new Violation("nationalId", "customer.nationalIdTaken",
                    "a customer with this national ID already exists"),
            "customer_organisation_number_uq", new Violation("organisationNumber", "customer.organisationNumberTaken",
                    "a customer with this organisation number already exists"),
            "metering_point_gsrn_key", new Violation("meteringPointId", "meteringPoint.exists",
                    "the metering point is already registered"),
            "characteristics_no_overlap", new Violation("validFrom", "history.overlap",
                    "another change to this metering point's master data was saved at the same time"),
            "property_no_overlap", new Violation("validFrom", "history.overlap",
                    "another change to this property was saved at the same time"));

    /** PostgreSQL data exceptions (class 22) a request can cause, by SQLState. */
    private static final Map<String, Violation> DATA_EXCEPTIONS = Map.of(
            "22003", new Violation(null, "number.outOfRange", "a number is too large for what it is stored as"),
            "22001", new Violation(null, "text.tooLong", "a text is longer than it may be"),
            "22008", new Violation(null, "date.range", "a date or time lies outside the range that can be stored"),
            "22021", new Violation(null, "text.encoding", "a text holds bytes that are not valid characters"),
            "22P05", new Violation(null, "text.encoding", "a text holds a character that cannot be stored"));

    @ExceptionHandler(ValidationFailedException.class)
    ResponseEntity<ProblemDetail> validation(ValidationFailedException e) {
        return problem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request", "the request breaks "
                + e.violations().size() + " rule(s); nothing was changed", e.violations());
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<ProblemDetail> invalidValue(InvalidValueException e) {
        return problem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request", e.getMessage(),
                List.of(new Violation(null, e.rule(), e.getMessage())));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, CONFLICT, "Conflict with current state", e.getMessage(),
                List.of(new Violation(e.field(), e.rule(), e.getMessage())));
    }

    @ExceptionHandler(no.kraft.cis.rule.TooManyAttemptsException.class)
    ResponseEntity<ProblemDetail> tooManyAttempts(no.kraft.cis.rule.TooManyAttemptsException e) {
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.TOO_MANY_REQUESTS, CONFLICT, "Too many failed attempts", e.getMessage(),
                List.of(new Violation(e.field(), e.rule(), e.getMessage())));
        long seconds = e.retryAfterSeconds();
        return seconds <= 0 ? answer : ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).body(answer.getBody());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, NOT_FOUND, "Not found", e.getMessage(), List.of());
    }

    @ExceptionHandler({ObjectOptimisticLockingFailureException.class, OptimisticLockException.class})
    ResponseEntity<ProblemDetail> staleVersion(Exception e) {
        String message = "changed by someone else at the same time; reload and retry";
        return problem(HttpStatus.CONFLICT, CONFLICT, "Conflict with current state", message,
                List.of(new Violation("version", "version.stale", message)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        if (type != null && type.isEnum()) {
            String message = "'" + e.getName() + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants());
            return problem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request", message,
                    List.of(new Violation(e.getName(), e.getName() + ".unknown", message)));
        }
        String message = "'" + e.getName() + "' has the wrong format";
        return problem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request", message,
                List.of(new Violation(e.getName(), "format", message)));
    }

    /**
     * Integrity errors from the database (a lost race against a concurrent writer), however deep Spring or Hibernate
     * wrapped them. The database's message is not logged or returned: it may quote personal data.
     */
    /** Elhub refused a look-up or found nothing: the code (EHxxx, E10) is the rule. */
    @ExceptionHandler(no.kraft.cis.elhub.lookup.LookupRejected.class)
    ResponseEntity<ProblemDetail> lookupRejected(no.kraft.cis.elhub.lookup.LookupRejected e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, URI.create("urn:kraft-cis:problem:elhub-rejected"), "Refused by Elhub", e.getMessage(),
                List.of(new Violation(null, "elhub." + e.code(), e.getMessage())));
    }

    /** Elhub did not answer or failed: nothing was changed here; try again later. */
    @ExceptionHandler(no.kraft.cis.elhub.norgespris.ElhubApiException.class)
    ResponseEntity<ProblemDetail> elhubFailed(no.kraft.cis.elhub.norgespris.ElhubApiException e) {
        log.warn("Elhub call failed: {}", e.getMessage());
        return problem(e.retryable() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY, URI.create("urn:kraft-cis:problem:elhub-unavailable"),
                "Elhub call failed", e.getMessage(), List.of(new Violation(null, "elhub." + (e.code() == null ? e.status() : e.code()), e.getMessage())));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof no.kraft.cis.api.request.UploadLimits.TooLarge tooLarge) {
                return tooLarge(tooLarge);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && DATA_EXCEPTIONS.containsKey(sql.getSQLState())) {
                // a value the checks let through but its column cannot hold: the transaction rolled back, nothing changed
                Violation violation = DATA_EXCEPTIONS.get(sql.getSQLState());
                log.info("Request rejected by the database (SQLState {}): {}", sql.getSQLState(), violation.rule());
                return problem(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request", violation.message(), List.of(violation));
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                Violation violation = CONSTRAINTS.entrySet().stream()
                        .filter(c -> String.valueOf(sql.getMessage()).contains(c.getKey()))
                        .map(Map.Entry::getValue).findFirst()
                        .orElse(new Violation(null, "integrity", "the change conflicts with stored data"));
                log.info("Request rejected by database constraint (SQLState {}): {}", sql.getSQLState(), violation.rule());
                return problem(HttpStatus.CONFLICT, CONFLICT, "Conflict with current state", violation.message(), List.of(violation));
            }
        }
        log.error("Unexpected error", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected error; nothing was changed");
        body.setTitle("Internal error");
        return ResponseEntity.status(500).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = null;
        String rule = "json.malformed";
        String message = "the body is not valid JSON";
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof no.kraft.cis.api.request.UploadLimits.TooLarge tooLarge) {
                return asObject(tooLarge(tooLarge));   // the body's stream stopped it, not its JSON
            }
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof UnrecognizedPropertyException unknown) {
                field = path(unknown.getPath());
                rule = "field.unknown";
                message = "'" + field + "' is not a field of this request" + (unknown.getKnownPropertyIds() == null ? ""
                        : "; known: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList());
                break;
            }
            if (t instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()
                    && !format.getPath().isEmpty()) {
                field = path(format.getPath());
                rule = lastName(field) + ".unknown";
                message = "'" + field + "' must be one of " + java.util.Arrays.toString(format.getTargetType().getEnumConstants());
                break;
            }
            if (t instanceof JacksonException jackson && !jackson.getPath().isEmpty() && field == null) {
                field = path(jackson.getPath());
                rule = "format";
                message = "'" + field + "' has the wrong type or format";
            }
            if (t instanceof InvalidValueException invalid) {
                // a rule of our own, broken while reading (text with control characters, a date out of range)
                rule = invalid.rule();
                message = field == null ? invalid.getMessage() : "'" + field + "' " + invalid.getMessage();
                break;
            }
        }
        if (e.getCause() == null && e.getMessage() != null && e.getMessage().contains("Required request body is missing")) {
            rule = "required";
            message = "a JSON body is required";
        }
        return problemObject(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request", message, List.of(new Violation(field, rule, message)));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String message = "'" + e.getParameterName() + "' must be present";
        return problemObject(HttpStatus.BAD_REQUEST, VALIDATION, "Invalid request", message,
                List.of(new Violation(e.getParameterName(), "required", message)));
    }

    /** A body without a declared length that grew past the endpoint's limit while it was read. */
    private static ResponseEntity<ProblemDetail> tooLarge(no.kraft.cis.api.request.UploadLimits.TooLarge e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, VALIDATION, "Payload too large", e.getMessage() + "; nothing was changed",
                List.of(new Violation(null, "upload.tooLarge", e.getMessage())));
    }

    private static String lastName(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        int index = last.indexOf('[');
        return index < 0 ? last : last.substring(0, index);
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title, String detail,
            List<Violation> violations) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type);
        body.setTitle(title);
        body.setProperty("violations", violations);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static ResponseEntity<Object> problemObject(HttpStatus status, URI type, String title, String detail,
            List<Violation> violations) {
        return asObject(problem(status, type, title, detail, violations));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> problem) {
        return (ResponseEntity) problem;
    }
}
