package no.kraft.cis.api.request;

import java.time.LocalDate;
import java.util.Set;
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
        builder.withJsonConverter(new JacksonJsonHttpMessageConverter(mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(rules)
                .build()));
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
                    throw new InvalidValueException("text.controlCharacter", String.format(
                            "may not contain the control or direction character U+%04X%s", c,
                            c == '\n' || c == '\r' || c == '\t' ? " (line breaks and tabs only in multi-line fields)" : ""));
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
            return text == null ? null : RequestValues.date(text);
        }
    }
}
