package no.kraft.cis.api.receivables;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.api.RequestValues;
import no.kraft.cis.audit.AuditStamp;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.delivery.dunning.DunningNoticeDelivery;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.receivables.Dunning;
import no.kraft.cis.receivables.DunningRun;
import no.kraft.cis.receivables.DunningState;
import no.kraft.cis.receivables.LateInterestRate;
import no.kraft.cis.receivables.LateInterestRates;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Dunning", description = "The dunning process (purring → inkassovarsel → hand-over): state and events per invoice, "
        + "staff pause/resume/stop, a run for a day, the late-interest rates")
@RestController
class DunningController {

    private final Dunning dunning;
    private final DunningRun run;
    private final LateInterestRates rates;
    private final CustomerService customers;
    private final Invoices invoices;
    private final DunningNoticeDelivery notices;
    private final AuditStamp audit;
    private final Clock clock;

    DunningController(Dunning dunning, DunningRun run, LateInterestRates rates, CustomerService customers, Invoices invoices,
            DunningNoticeDelivery notices, AuditStamp audit, Clock clock) {
        this.dunning = dunning;
        this.run = run;
        this.rates = rates;
        this.customers = customers;
        this.invoices = invoices;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "An invoice's dunning: where it stands and every step",
            description = "stage = the last step (NONE, FRIENDLY_REMINDER, PURRING, INKASSOVARSEL, HAND_OVER); hold = PAUSED or STOPPED "
                    + "by staff. Each event: step (also PAUSED, RESUMED, STOPPED), day, fee and its rule, deadline, interest shown "
                    + "(null with interestNote when a half-year's rate was missing) and the part charged, channel (EMAIL, SMS, PAPER, "
                    + "AGENCY, NONE), by (dunning-job or the staff member), at; notice = the notice's send status (PENDING, DONE, FAILED; HANDED_TO_PRINT: a letter on paper in a closed print batch).")
    @GetMapping("/api/v1/invoices/{invoiceNumber}/dunning")
    InvoiceDunning get(@PathVariable String invoiceNumber) {
        long number = number(invoiceNumber);
        return view(dunning.of(number));
    }

    record InvoiceDunning(long invoiceNumber, @Schema(example = "PURRING") String stage, @Schema(example = "PAUSED") String hold,
            String holdReason, LocalDate deadline, @Schema(example = "35.00") BigDecimal feesCharged, List<Event> events) {
    }

    // named apart from the invoice delivery's events, which the OpenAPI would otherwise merge into one schema "Event"
    @Schema(name = "DunningEvent")
    record Event(@Schema(example = "PURRING") String step, LocalDate day, BigDecimal amount, BigDecimal fee, String feeRule,
            LocalDate deadline, BigDecimal interest, BigDecimal interestCharged, String interestNote, String channel, String reason,
            @Schema(example = "dunning-job") String by, java.time.Instant at, @Schema(example = "DONE") String notice, Long eventId) {
    }

    private InvoiceDunning view(DunningState s) {
        var statuses = notices.statuses(s.invoiceNumber());
        List<Event> events = new java.util.ArrayList<>();
        for (int i = 0; i < s.events().size(); i++) {
            var e = s.events().get(i);
            long id = e.id();
            events.add(new Event(e.step(), e.day(), e.amount(), e.fee(), e.feeRule(), e.deadline(), e.interest(), e.interestCharged(),
                    e.interestNote(), e.channel(), e.reason(), e.by(), e.at(), statuses.get(id), id));
        }
        return new InvoiceDunning(s.invoiceNumber(), s.stage(), s.hold(), s.holdReason(), s.deadline(), s.feesCharged(), events);
    }

    @Operation(summary = "A written notice's letter (PDF) as it was sent", description = "404 until it has been made, and for a reminder.")
    @GetMapping(value = "/api/v1/invoices/{invoiceNumber}/dunning/{eventId}/letter", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letter(@PathVariable String invoiceNumber, @PathVariable String eventId) {
        long number = number(invoiceNumber);
        long event = FieldValidation.parse("eventId", () -> RequestValues.number("eventId", eventId));
        byte[] pdf = notices.letter(number, event).orElseThrow(() -> new NotFoundException("dunning letter", event));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pdf);
    }

    record HoldBody(@Schema(example = "Customer in hospital until 1 April", description = "required, 1–500 characters") String reason) {
    }

    @Operation(summary = "Pause the invoice's dunning until resumed",
            description = "409 dunning.alreadyPaused, dunning.stopped. 400 reason required.")
    @PostMapping("/api/v1/invoices/{invoiceNumber}/dunning/pause")
    InvoiceDunning pause(@PathVariable String invoiceNumber, @RequestBody(required = false) HoldBody body) {
        long number = number(invoiceNumber);
        String reason = reason(body);
        return view(dunning.pause(number, reason, NorwegianTime.today(clock)));
    }

    @Operation(summary = "Resume a paused dunning: the next run carries on where the chain stood",
            description = "409 dunning.notPaused, dunning.stopped.")
    @PostMapping("/api/v1/invoices/{invoiceNumber}/dunning/resume")
    InvoiceDunning resume(@PathVariable String invoiceNumber) {
        return view(dunning.resume(number(invoiceNumber), NorwegianTime.today(clock)));
    }

    @Operation(summary = "Stop the invoice's dunning for good", description = "409 dunning.stopped. 400 reason required.")
    @PostMapping("/api/v1/invoices/{invoiceNumber}/dunning/stop")
    InvoiceDunning stop(@PathVariable String invoiceNumber, @RequestBody(required = false) HoldBody body) {
        long number = number(invoiceNumber);
        String reason = reason(body);
        return view(dunning.stop(number, reason, NorwegianTime.today(clock)));
    }

    @Operation(summary = "A customer's dunning: each invoice with a dunning history or a hold, newest first")
    @GetMapping("/api/v1/customers/{customerNumber}/dunning")
    List<InvoiceDunning> ofCustomer(@PathVariable String customerNumber) {
        CustomerNumber n = FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(customerNumber));
        return dunning.ofCustomer(customers.get(n).id()).stream().map(this::view).toList();
    }

    record RunBody(@Schema(example = "2026-03-15", description = "default today; not after today") String day,
            @Schema(description = "only these customers") List<String> customerNumbers,
            @Schema(example = "ALL_CUSTOMERS", description = "ALL_CUSTOMERS to run for everyone, as the nightly job does "
                    + "(required when customerNumbers is absent, so that an empty body runs nothing)") String scope) {
    }

    @Operation(summary = "Run the dunning process for a day",
            description = "What the nightly job does (cis.dunning.cron), idempotent: a step already taken is not taken again. "
                    + "The report: claims examined, steps by kind, why nothing was done by reason, the first day of interest "
                    + "without a rate (interestRateMissingFrom: enter the half-year's rate), warnings. 400 day date.format, "
                    + "dunning.futureDay; customerNumbers[i] customerNumber.format; customerNumbers dunning.scope (neither "
                    + "customerNumbers nor scope ALL_CUSTOMERS).")
    @PostMapping("/api/v1/dunning-runs")
    DunningRun.Report start(@RequestBody(required = false) RunBody body) {
        RunBody b = body == null ? new RunBody(null, null, null) : body;
        FieldValidation check = new FieldValidation();
        LocalDate today = NorwegianTime.today(clock);
        LocalDate day = b.day() == null ? today : check.field("day", () -> RequestValues.date(b.day()));
        if (day != null && day.isAfter(today)) {
            check.reject("day", "dunning.futureDay", "a run cannot be for a day after today (" + today + ")");
        }
        boolean everyone = "ALL_CUSTOMERS".equals(b.scope());
        if (b.scope() != null && !everyone) {
            check.reject("scope", "dunning.scope", "scope is ALL_CUSTOMERS or absent");
        } else if (everyone == (b.customerNumbers() != null && !b.customerNumbers().isEmpty())) {
            check.reject("customerNumbers", "dunning.scope", "give either customerNumbers or scope ALL_CUSTOMERS");
        }
        List<CustomerNumber> numbers = new java.util.ArrayList<>();
        if (b.customerNumbers() != null) {
            for (int i = 0; i < b.customerNumbers().size(); i++) {
                String raw = b.customerNumbers().get(i);
                numbers.add(check.required("customerNumbers[" + i + "]", raw, () -> CustomerNumber.parse(raw)));
            }
        }
        check.throwIfInvalid();
        List<Long> ids = everyone ? null : numbers.stream().map(n -> customers.get(n).id()).toList();
        return run.run(day, audit.actor(), ids);
    }

    record NoticeRound(@Schema(description = "sends attempted") int attempted) {
    }

    @Operation(summary = "Send the dunning notices that are due now (what the delivery schedule does every 30 s)")
    @PostMapping("/api/v1/dunning-notices/due")
    NoticeRound sendDue() {
        return new NoticeRound(notices.sendDue(500));
    }

    record RateBody(@Schema(example = "2026-07-01", description = "1 January or 1 July") String validFrom,
            @Schema(example = "12.00", description = "per annum, at most three decimals") String ratePercent,
            @Schema(example = "Finansdepartementet, forskrift om forsinkelsesrente") String source, Boolean derived) {
    }

    @Operation(summary = "The forsinkelsesrente per half-year", description = "Oldest first. A half-year not listed has no rate.")
    @GetMapping("/api/v1/late-interest-rates")
    List<LateInterestRate> rates() {
        return rates.history();
    }

    @Operation(summary = "Enter a half-year's forsinkelsesrente (admin)",
            description = "Entered once and never changed. 400 validFrom/ratePercent/source required, date.format, interest.halfYear, "
                    + "interest.rate; 409 interest.halfYearEntered.")
    @PostMapping("/api/v1/late-interest-rates")
    ResponseEntity<LateInterestRate> addRate(@RequestBody(required = false) RateBody body) {
        RateBody b = body == null ? new RateBody(null, null, null, null) : body;
        FieldValidation check = new FieldValidation();
        LocalDate from = check.required("validFrom", b.validFrom(), () -> RequestValues.date(b.validFrom()));
        BigDecimal rate = check.required("ratePercent", b.ratePercent(), () -> decimal(b.ratePercent()));
        String source = check.required("source", b.source(), () -> RequestValues.text(b.source(), 500));
        LateInterestRate entered = from == null || rate == null ? null
                : check.field("validFrom", () -> LateInterestRate.of(from, rate.toPlainString(), Boolean.TRUE.equals(b.derived()), source));
        check.throwIfInvalid();
        LateInterestRate saved = rates.add(entered);
        return ResponseEntity.created(URI.create("/api/v1/late-interest-rates")).body(saved);
    }

    private static BigDecimal decimal(String raw) {
        BigDecimal rate;
        try {
            rate = raw.length() > 10 ? null : new BigDecimal(raw.trim());
        } catch (NumberFormatException e) {
            rate = null;
        }
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new no.kraft.cis.rule.InvalidValueException("interest.rate", "a percentage from 0 to 100 such as 12.25");
        }
        return rate;
    }

    private long number(String invoiceNumber) {
        long number = FieldValidation.parse("invoiceNumber", () -> RequestValues.number("invoiceNumber", invoiceNumber));
        invoices.find(number).orElseThrow(() -> new NotFoundException("invoice", number));
        return number;
    }

    private static String reason(HoldBody body) {
        String raw = body == null ? null : body.reason();
        return FieldValidation.parse("reason", () -> {
            if (raw == null || raw.isBlank()) {
                throw new no.kraft.cis.rule.InvalidValueException("required", "a reason is required");
            }
            return RequestValues.text(raw, 500);
        });
    }
}
