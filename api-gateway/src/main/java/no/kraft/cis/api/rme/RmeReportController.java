package no.kraft.cis.api.rme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rme.RmeReports;
import no.kraft.cis.rule.ConflictException;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "RME report", description = "The monthly Norgespris CSV to RME: produce, list, download")
@RestController
class RmeReportController {

    private final RmeReports reports;
    private final Clock clock;

    RmeReportController(RmeReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    record ProduceBody(@Schema(example = "2026-02") String month) {
    }

    record Difference(BigDecimal amount, BigDecimal actualKwh, BigDecimal coveredKwh, int rows) {
    }

    record ReportResponse(RmeReports.Report report, boolean newVersion, Integer previousVersion, Difference differenceFromPrevious) {
        static ReportResponse of(RmeReports.Report report, boolean newVersion, RmeReports.Report previous) {
            boolean comparable = previous != null && previous.id() != report.id();
            return new ReportResponse(report, newVersion, comparable ? previous.version() : null, comparable
                    ? new Difference(report.totalAmount().subtract(previous.totalAmount()),
                            report.totalActualKwh().subtract(previous.totalActualKwh()),
                            report.totalCoveredKwh().subtract(previous.totalCoveredKwh()), report.rowCount() - previous.rowCount())
                    : null);
        }
    }

    @Operation(summary = "Produce the RME file of a month",
            description = "201 with a new version when the file differs from the month's latest (the difference in totals is "
                    + "shown), 200 with the existing one when it is byte-identical. A row that fails validation blocks the file: "
                    + "409 naming the metering point and rule.")
    @PostMapping("/api/v1/rme-reports")
    ResponseEntity<ReportResponse> produce(@RequestBody ProduceBody body) {
        FieldValidation check = new FieldValidation();
        YearMonth month = check.required("month", body.month(), () -> NorwegianTime.month(body.month().strip()));
        check.throwIfInvalid();
        if (month.plusMonths(1).atDay(1).isAfter(NorwegianTime.today(clock))) {
            throw new ConflictException("month", "rme.monthNotOver", month + " is not over yet");
        }
        RmeReports.Produced produced = reports.produce(month, RmeReports.Trigger.API);
        ReportResponse response = ReportResponse.of(produced.report(), produced.newVersion(), produced.previous());
        return produced.newVersion()
                ? ResponseEntity.created(URI.create("/api/v1/rme-reports/" + produced.report().id())).body(response)
                : ResponseEntity.ok(response);
    }

    @Operation(summary = "All produced RME files, newest month and version first")
    @GetMapping("/api/v1/rme-reports")
    List<RmeReports.Report> all() {
        return reports.all();
    }

    @Operation(summary = "One produced RME file with the difference from the month's previous version")
    @GetMapping("/api/v1/rme-reports/{id}")
    ReportResponse get(@PathVariable long id) {
        RmeReports.Report report = reports.get(id);
        return ReportResponse.of(report, false, reports.previous(report).orElse(null));
    }

    @Operation(summary = "Download the archived file (UTF-8, no BOM, CRLF)")
    @GetMapping(value = "/api/v1/rme-reports/{id}/file", produces = "text/csv")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        RmeReports.Report report = reports.get(id);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(report.fileName()).build().toString())
                .body(reports.content(id));
    }
}
