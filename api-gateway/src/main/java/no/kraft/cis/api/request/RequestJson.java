package no.kraft.cis.api.request;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kraft.cis.rule.ValidationFailedException;
import no.kraft.cis.rule.Violation;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.rule.InvalidValueException;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * How every JSON request body is read — the one place the rules below live, not in each controller:
 * <ul>
 *   <li>a field the request does not have (a typo like {@code "emial"}) is refused, naming it — it must not silently
 *       drop data ({@code field.unknown});</li>
 *   <li>text may not carry control characters (NUL, C0/C1, DEL) or Unicode direction overrides and isolates
 *       (U+202A–U+202E, U+2066–U+2069) — {@code text.controlCharacter}; tab and line breaks only in fields that are
 *       multi-line by nature ({@link #MULTI_LINE});</li>
 *   <li>a date lies from 1900 to 2100 ({@code date.range}).</li>
 * </ul>
 * A body is read to its end and <em>every</em> such violation is reported at once — unknown fields, values of the wrong
 * type ({@code format}), unknown enum values ({@code <field>.unknown}), forbidden characters, dates out of range — so a
 * caller fixes a request in one round. Only JSON that cannot be parsed at all stops at the first error.
 * Only the server's converter reads this way; the clients of Elhub, Signicat and Maskinporten keep their own lenient
 * mappers (a party may add fields to its answers).
 */
@Configuration(proxyBeanMethods = false)
public class RequestJson implements WebMvcConfigurer {

    private final JsonMapper mapper;

    RequestJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Fields whose text may span lines: comments, case messages, descriptions, notes, conversation summaries. */
    public static final Set<String> MULTI_LINE = Set.of("comment", "message", "description", "note", "text", "summary", "transcript");

    /** The JSON converter in its usual place among the server's converters, reading by the rules above. */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        SimpleModule rules = new SimpleModule("kraft-cis-request-rules")
                .addDeserializer(String.class, new Text(false))
                .addDeserializer(LocalDate.class, new Date());
        builder.withJsonConverter(new AllViolations(mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(rules)
                .addHandler(new Collecting())
                .build()));
    }

    /** The violations found while the current request's body is read; {@code null} outside such a read. */
    private static final ThreadLocal<List<Violation>> FOUND = new ThreadLocal<>();

    /** Reads the whole body, then refuses it with everything that was wrong. */
    private static final class AllViolations extends JacksonJsonHttpMessageConverter {

        AllViolations(JsonMapper mapper) {
            super(mapper);
        }

        @Override
        public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
            List<Violation> found = new ArrayList<>();
            FOUND.set(found);
            Object body;
            try {
                body = super.read(type, input, hints);
            } finally {
                FOUND.remove();
            }
            if (!found.isEmpty()) {
                throw new ValidationFailedException(found);
            }
            return body;
        }
    }

    /** Notes a violation of the body being read; {@code false} when no body is being read (then the caller throws). */
    private static boolean note(JsonParser parser, String rule, String message) {
        List<Violation> found = FOUND.get();
        if (found == null) {
            return false;
        }
        String field = field(parser.streamReadContext().pathAsPointer());
        found.add(new Violation(field.isEmpty() ? null : field, rule, field.isEmpty() ? message : "'" + field + "' " + message));
        return true;
    }

    /** {@code /deliveries/0/validFrom} as {@code deliveries[0].validFrom}, the way violations name fields. */
    static String field(JsonPointer pointer) {
        StringBuilder out = new StringBuilder();
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            if (p.mayMatchElement() && p.getMatchingProperty().chars().allMatch(Character::isDigit)) {
                out.append('[').append(p.getMatchingIndex()).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(p.getMatchingProperty());
            }
        }
        return out.toString();
    }

    /** Turns Jackson's first-error-stops into notes, so the read goes on to the end of the body. */
    private static final class Collecting extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, ValueDeserializer<?> deserializer,
                Object bean, String name) {
            List<Violation> found = FOUND.get();
            if (found == null) {
                return false;
            }
            String parent = field(parser.streamReadContext().pathAsPointer());
            // the context may already name the field (a scalar value) or not yet (an object's start)
            String field = parent.endsWith(name) ? parent : parent.isEmpty() ? name : parent + "." + name;
            var known = deserializer == null ? null : deserializer.getKnownPropertyNames();
            found.add(new Violation(field, "field.unknown", "'" + field + "' is not a field of this request"
                    + (known == null ? "" : "; known: " + known.stream().map(String::valueOf).sorted().toList())));
            parser.skipChildren();
            return true;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType target, JsonToken token, JsonParser parser,
                String message) {
            if (target.isPrimitive() || !note(parser, "format", "has the wrong type: " + expected(target.getRawClass()) + " expected")) {
                return NOT_HANDLED;
            }
            parser.skipChildren();
            return null;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> target, String value, String message) {
            if (target.isPrimitive()) {
                return NOT_HANDLED;
            }
            JsonParser parser = context.getParser();
            if (target.isEnum()) {
                String field = field(parser.streamReadContext().pathAsPointer());
                String name = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
                return note(parser, name + ".unknown", "must be one of " + Arrays.toString(target.getEnumConstants())) ? null : NOT_HANDLED;
            }
            return note(parser, "format", "has the wrong type or format: " + expected(target) + " expected") ? null : NOT_HANDLED;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> target, Number value, String message) {
            if (target.isPrimitive()) {
                return NOT_HANDLED;
            }
            return note(context.getParser(), "format", "has the wrong type or format: " + expected(target) + " expected") ? null : NOT_HANDLED;
        }

        private static String expected(Class<?> type) {
            if (type == String.class || type.isEnum() || type == LocalDate.class) {
                return "text";
            }
            if (Number.class.isAssignableFrom(type)) {
                return "a number";
            }
            if (type == Boolean.class) {
                return "true or false";
            }
            if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "a list";
            }
            return "an object";
        }
    }

    /** The first character a text may not hold, or -1. */
    public static int forbiddenCharacter(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if ((c < 0x20 && !(multiLine && lineBreak)) || (c >= 0x7f && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                return c;
            }
        }
        return -1;
    }

    private static final class Text extends StdScalarDeserializer<String> {

        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean multi = property != null && MULTI_LINE.contains(property.getName());
            return multi == multiLine ? this : new Text(multi);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null) {
                int c = forbiddenCharacter(value, multiLine);
                if (c >= 0) {
                    String message = String.format("may not contain the control or direction character U+%04X%s", c,
                            c == '\n' || c == '\r' || c == '\t' ? " (line breaks and tabs only in multi-line fields)" : "");
                    if (note(parser, "text.controlCharacter", message)) {
                        return null;
                    }
                    throw new InvalidValueException("text.controlCharacter", message);
                }
            }
            return value;
        }
    }

    private static final class Date extends StdScalarDeserializer<LocalDate> {

        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            try {
                return text == null ? null : RequestValues.date(text);
            } catch (InvalidValueException e) {
                if (note(parser, e.rule(), e.getMessage())) {
                    return null;
                }
                throw e;
            }
        }
    }
}
