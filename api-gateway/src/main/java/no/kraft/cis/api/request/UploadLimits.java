package no.kraft.cis.api.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import no.kraft.cis.problem.ProblemJson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The largest body each endpoint takes, checked before anything is read: a declared {@code Content-Length} above the
 * limit is answered 413 at once; a body without one (chunked) is counted as it streams and stops with 413 the moment
 * it passes the limit (the import's transaction rolls back). Limits: {@code cis.upload.meter-values} (default 4GB — a
 * month of 15-minute values for 100 000 metering points is about 1.8 GB), {@code cis.upload.payment-files} (50MB),
 * {@code cis.upload.spot-prices} (100MB), {@code cis.upload.peppol-participant-lists} (200MB), and
 * {@code cis.upload.other} (1MB) for every other request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class UploadLimits extends OncePerRequestFilter {

    /** Thrown from the body's stream when it grows past the limit; answered 413. */
    public static final class TooLarge extends IOException {
        private final long limit;

        TooLarge(long limit) {
            super("the body is larger than the " + DataSize.ofBytes(limit).toMegabytes() + " MB this endpoint takes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    private final Map<String, Long> limits;
    private final long other;

    UploadLimits(@Value("${cis.upload.meter-values:4GB}") DataSize meterValues, @Value("${cis.upload.payment-files:50MB}") DataSize paymentFiles,
            @Value("${cis.upload.spot-prices:100MB}") DataSize spotPrices,
            @Value("${cis.upload.peppol-participant-lists:200MB}") DataSize peppolLists, @Value("${cis.upload.other:1MB}") DataSize other) {
        this.limits = Map.of("/api/v1/meter-values", meterValues.toBytes(), "/api/v1/payment-files", paymentFiles.toBytes(),
                "/api/v1/spot-prices", spotPrices.toBytes(), "/api/v1/peppol-participant-lists", peppolLists.toBytes(),
                "/api/v1/debt-collection/settlements", paymentFiles.toBytes());
        this.other = other.toBytes();
    }

    long limitFor(String path) {
        return limits.getOrDefault(path, other);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(request, response, limit);
            return;
        }
        chain.doFilter(declared >= 0 ? request : new Counted(request, limit), response);
    }

    static void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        String message = new TooLarge(limit).getMessage();
        ProblemJson.write(request, response, "urn:kraft-cis:problem:validation", 413, "Payload too large",
                message + "; nothing was changed", List.of(ProblemJson.violation("upload.tooLarge", message, Map.of())), Map.of());
    }

    /** A body without a declared length, counted as it is read. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > limit) {
                            throw new TooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
