package no.kraft.cis.rme;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.billing.settlement.CompensationRuleBook;
import no.kraft.cis.billing.settlement.NorgesprisRows;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Produces, validates and archives the monthly RME file. The rows are streamed from the settlements through a
 * validating writer into a temporary file while a SHA-256 is computed, so memory stays flat however many metering
 * points there are. A file identical to the month's latest version is not stored again (regenerating an unchanged month
 * gives the same bytes); a different one becomes the next version.
 */
@Service
public class RmeReports {

    private final NorgesprisRows rows;
    private final PriceCodes priceCodes;
    private final CompensationRuleBook ruleBook;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final AuditStamp audit;
    private final String reporterId;

    RmeReports(NorgesprisRows rows, PriceCodes priceCodes, CompensationRuleBook ruleBook, JdbcClient jdbc, JdbcTemplate jdbcTemplate, AuditStamp audit,
            @Value("${cis.rme.reporter-id:90000000}") String reporterId) {
        this.rows = rows;
        this.priceCodes = priceCodes;
        this.ruleBook = ruleBook;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.audit = audit;
        this.reporterId = reporterId;
    }

    /** How a report came to be. */
    public enum Trigger {
        SCHEDULE,
        API
    }

    /** An archived file. */
    public record Report(long id, YearMonth month, int version, String fileName, String sha256, int rowCount, BigDecimal totalAmount,
            BigDecimal totalActualKwh, BigDecimal totalCoveredKwh, String trigger, Instant createdAt, String createdBy) {
    }

    /** A report with how its totals differ from the month's previous version. */
    public record Produced(Report report, boolean newVersion, Report previous) {
    }

    /**
     * @throws ConflictException naming the first metering point and rule that block the file
     */
    @Transactional
    public Produced produce(YearMonth month, Trigger trigger) {
        rows.firstUnsettled(month).ifPresent(mp -> {
            throw new ConflictException("rows[" + mp + "]", "rme.settlementMissing", "metering point " + mp
                    + " was on Norgespris in " + month + " but has no settlement (missing meter values or prices?); run billing first");
        });
        Path file = null;
        try {
            file = Files.createTempFile("rme-", ".csv");
            Written written = write(month, file);
            Optional<Report> latest = latest(month);
            if (latest.isPresent() && latest.get().sha256().equals(written.sha256())) {
                return new Produced(latest.get(), false, latest.get());
            }
            int version = latest.map(r -> r.version() + 1).orElse(1);
            String name = reporterId + "_" + String.format("%04d%02d", month.getYear(), month.getMonthValue()) + ".csv";
            Timestamp now = Timestamp.from(audit.now());
            String actor = audit.actor();
            long size = Files.size(file);
            Path content = file;
            jdbcTemplate.update("""
                    insert into rme_report (month, version, file_name, content, sha256, row_count, total_amount, total_actual_kwh,
                        total_covered_kwh, trigger, created_at, created_by, updated_at, updated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
                ps.setObject(1, month.atDay(1));
                ps.setInt(2, version);
                ps.setString(3, name);
                try {
                    ps.setBinaryStream(4, Files.newInputStream(content), size);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                ps.setString(5, written.sha256());
                ps.setInt(6, written.rows());
                ps.setBigDecimal(7, written.amount());
                ps.setBigDecimal(8, written.actual());
                ps.setBigDecimal(9, written.covered());
                ps.setString(10, trigger.name());
                ps.setTimestamp(11, now);
                ps.setString(12, actor);
                ps.setTimestamp(13, now);
                ps.setString(14, actor);
            });
            return new Produced(latest(month).orElseThrow(), true, latest.orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    private record Written(String sha256, int rows, BigDecimal amount, BigDecimal actual, BigDecimal covered) {
    }

    private Written write(YearMonth month, Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        PriceCodes.Table codes = priceCodes.load();
        RmeValidation validation = new RmeValidation(codes, ruleBook.all());
        int[] count = {0};
        BigDecimal[] totals = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(Files.newOutputStream(file), sha),
                StandardCharsets.UTF_8), 1 << 16)) {
            out.write(RmeRow.HEADER);
            out.write(RmeRow.LINE_END);
            rows.forEach(month, row -> {
                RmeRow line = validation.check(row);
                try {
                    out.write(line.line());
                    out.write(RmeRow.LINE_END);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
                totals[0] = totals[0].add(line.hedgingAmount());
                totals[1] = totals[1].add(line.actualKwh());
                totals[2] = totals[2].add(line.coveredKwh());
            });
        }
        return new Written(HexFormat.of().formatHex(sha.digest()), count[0], totals[0], totals[1], totals[2]);
    }

    @Transactional(readOnly = true)
    public List<Report> all() {
        return jdbc.sql(SELECT + " order by month desc, version desc").query(this::report).list();
    }

    @Transactional(readOnly = true)
    public Report get(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::report).optional()
                .orElseThrow(() -> new NotFoundException("RME report", id));
    }

    /** The version before {@code report} of the same month, if any. */
    @Transactional(readOnly = true)
    public Optional<Report> previous(Report report) {
        return jdbc.sql(SELECT + " where month = :month and version = :version").param("month", report.month().atDay(1))
                .param("version", report.version() - 1).query(this::report).optional();
    }

    /** The archived bytes of a report. */
    @Transactional(readOnly = true)
    public byte[] content(long id) {
        return jdbc.sql("select content from rme_report where id = :id").param("id", id).query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException("RME report", id));
    }

    private Optional<Report> latest(YearMonth month) {
        return jdbc.sql(SELECT + " where month = :month order by version desc limit 1").param("month", month.atDay(1))
                .query(this::report).optional();
    }

    private static final String SELECT = """
            select id, month, version, file_name, sha256, row_count, total_amount, total_actual_kwh, total_covered_kwh, trigger,
                created_at, created_by from rme_report""";

    private Report report(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Report(rs.getLong(1), YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10),
                rs.getTimestamp(11).toInstant(), rs.getString(12));
    }
}
