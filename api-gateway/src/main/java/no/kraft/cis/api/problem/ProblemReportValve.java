package no.kraft.cis.api.problem;

import no.kraft.cis.problem.ProblemJson;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own error page — for what it refuses before any servlet sees it (an encoded slash, {@code %00}, a malformed
 * request line) — as RFC 9457 problem+json instead of an HTML page naming the server. The rest goes to
 * {@link ProblemErrorController}.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                // the path is what Tomcat could not parse: not repeated
                writer.write(ProblemJson.body("about:blank", status, status == 400 ? "Bad Request" : "Error",
                        "the request was refused before it reached the application; nothing was changed", "/", java.util.Map.of()));
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response committed: nothing more to say
        }
    }

    /** Puts the valve in place of Tomcat's on the host. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {
        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }
    }
}
