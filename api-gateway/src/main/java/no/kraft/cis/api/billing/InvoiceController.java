package no.kraft.cis.api.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import no.kraft.cis.billing.settlement.CompensationSettlement;
import no.kraft.cis.billing.settlement.DayResult;
import no.kraft.cis.billing.settlement.PriceUnits;
import no.kraft.cis.billing.settlement.SchemeTotal;
import no.kraft.cis.billing.settlement.Settlements;
import no.kraft.cis.customer.Customer;
import no.kraft.cis.customer.CustomerNumber;
import no.kraft.cis.customer.CustomerService;
import no.kraft.cis.invoice.Invoice;
import no.kraft.cis.invoice.Invoices;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.period.NorwegianTime;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.NotFoundException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Billing")
@RestController
@Transactional(readOnly = true)
class InvoiceController {

    private final Invoices invoices;
    private final CustomerService customers;
    private final MeteringPointService meteringPoints;
    private final Settlements settlements;

    InvoiceController(Invoices invoices, CustomerService customers, MeteringPointService meteringPoints, Settlements settlements) {
        this.invoices = invoices;
        this.customers = customers;
        this.meteringPoints = meteringPoints;
        this.settlements = settlements;
    }

    record LineResponse(int line, String meteringPointId, Long deliveryId, String elementCode, String text, LocalDate from,
            LocalDate to, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal netAmount, BigDecimal vatRate,
            BigDecimal vatAmount) {
    }

    record InvoiceResponse(long invoiceNumber, String kind, long customerNumber, LocalDate periodFrom, LocalDate periodTo,
            LocalDate issueDate, LocalDate dueDate, String kid, BigDecimal netAmount, BigDecimal vatAmount, BigDecimal totalAmount,
            boolean credited, Long creditsInvoiceNumber, Long replacesInvoiceNumber, Long billingRunId, List<LineResponse> lines) {
    }

    @Operation(summary = "A customer's invoices and credit notes, by number")
    @GetMapping("/api/v1/customers/{customerNumber}/invoices")
    List<InvoiceResponse> ofCustomer(@PathVariable String customerNumber) {
        CustomerNumber number = FieldValidation.parse("customerNumber", () -> CustomerNumber.parse(customerNumber));
        Customer customer = customers.get(number);
        return invoices.ofCustomer(customer.id()).stream().map(i -> view(i, customer.number().value())).toList();
    }

    @Operation(summary = "An invoice or credit note with its lines")
    @GetMapping("/api/v1/invoices/{invoiceNumber}")
    InvoiceResponse get(@PathVariable long invoiceNumber) {
        Invoice invoice = invoices.byNumber(invoiceNumber);
        long customerNumber = customers.findById(invoice.customerId()).orElseThrow().number().value();
        return view(invoice, customerNumber);
    }

    record SchemeResponse(BigDecimal actualKwh, BigDecimal coveredKwh, BigDecimal amount, BigDecimal net) {
        static SchemeResponse of(SchemeTotal t) {
            return new SchemeResponse(kwh(t.actualWh()), kwh(t.coveredWh()), t.amount(), t.net());
        }
    }

    record SettlementDayResponse(LocalDate day, int compensationClass, BigDecimal actualKwh, BigDecimal coveredKwh, BigDecimal amount,
            BigDecimal monthToDateKwh) {
        static SettlementDayResponse of(DayResult d) {
            return new SettlementDayResponse(d.day(), d.compensation().code(), kwh(d.actualWh()), kwh(d.coveredWh()),
                    d.amount().setScale(4, java.math.RoundingMode.HALF_UP), kwh(d.monthToDateWh()));
        }
    }

    record SettlementResponse(String meteringPointId, YearMonth month, BigDecimal actualKwh, SchemeResponse norgespris,
            SchemeResponse stromstotte, int assumedZeroDays, List<SettlementDayResponse> days) {
    }

    @Operation(summary = "A metering point's Norgespris / strømstøtte settlement of a month, day by day",
            description = "Amounts in NOK incl. VAT where due, positive paid to the customer; days show 4 decimals, totals are "
                    + "the rounded monthly amounts. Written by the billing run.")
    @GetMapping("/api/v1/metering-points/{meteringPointId}/settlements/{month}")
    SettlementResponse settlement(@PathVariable String meteringPointId, @PathVariable String month) {
        FieldValidation check = new FieldValidation();
        MeteringPointId id = check.field("meteringPointId", () -> new MeteringPointId(meteringPointId));
        YearMonth m = check.field("month", () -> NorwegianTime.month(month));
        check.throwIfInvalid();
        MeteringPoint point = meteringPoints.get(id);
        Settlements.Stored stored = settlements.current(point.id(), m)
                .orElseThrow(() -> new NotFoundException("settlement", id + " " + m));
        return new SettlementResponse(id.value(), m, kwh(stored.result().actualWh()), SchemeResponse.of(stored.result().norgespris()),
                SchemeResponse.of(stored.result().stromstotte()), stored.assumedZeroDays(),
                stored.result().days().stream().map(SettlementDayResponse::of).toList());
    }

    record IntervalResponse(Instant start, Instant end, @Schema(description = "consumption, kWh") BigDecimal kwh,
            @Schema(description = "the interval's spot price, NOK/kWh excl. VAT") BigDecimal spotPrice,
            @Schema(description = "the part inside the month's cap, kWh") BigDecimal coveredKwh,
            @Schema(description = "consumption since the 1st at the interval's end, kWh") BigDecimal monthToDateKwh,
            @Schema(description = "compensation, NOK incl. VAT where due, exact (the intervals sum to the day exactly)") BigDecimal amount) {
    }

    record DayExplanationResponse(String meteringPointId, LocalDate day, String scheme,
            @Schema(description = "PT60M (the law's hour) or PT15M") String settledPer,
            @Schema(description = "the scheme's monthly cap, kWh") BigDecimal capKwh,
            @Schema(description = "Norgespris price or strømstøtte threshold, NOK/kWh excl. VAT") BigDecimal referencePrice,
            @Schema(description = "consumption since the 1st before this day, kWh") BigDecimal monthToDateBeforeKwh,
            BigDecimal actualKwh, BigDecimal coveredKwh, @Schema(description = "the day's compensation: the sum of its intervals") BigDecimal amount,
            @Schema(description = "the day against the stored settlement (what the billing run invoiced): MATCHES; DIFFERS (meter "
                    + "values or properties changed since: the next run recalculates); NOT_SETTLED (not billed yet)",
                    allowableValues = {"MATCHES", "DIFFERS", "NOT_SETTLED"}) String storedSettlement,
            List<IntervalResponse> intervals) {
    }

    @Operation(summary = "Why a day of the settlement came to what it did: each hour (or quarter-hour) with its consumption, price, "
            + "covered part and compensation",
            description = "The cost explainer. The month is settled again in memory up to the day (nothing is stored); the intervals "
                    + "sum to the day's amount, and the days to the month's invoice line.")
    @GetMapping("/api/v1/metering-points/{meteringPointId}/settlement-days/{day}")
    DayExplanationResponse explainDay(@PathVariable String meteringPointId, @PathVariable String day) {
        FieldValidation check = new FieldValidation();
        MeteringPointId id = check.field("meteringPointId", () -> new MeteringPointId(meteringPointId));
        LocalDate d = check.field("day", () -> no.kraft.cis.api.RequestValues.date(day));
        check.throwIfInvalid();
        MeteringPoint point = meteringPoints.get(id);
        CompensationSettlement.DayExplanation why;
        try {
            why = settlements.explain(point, d).orElseThrow(() -> new NotFoundException("settlement", id + " " + d));
        } catch (no.kraft.cis.billing.settlement.MissingBillingData e) {
            throw new no.kraft.cis.rule.ConflictException("day", "settlement.missingData", e.getMessage());
        }
        String stored = settlements.current(point.id(), YearMonth.from(d))
                .flatMap(s -> s.result().days().stream().filter(x -> x.day().equals(d)).findFirst())
                .map(s -> s.equals(why.day()) ? "MATCHES" : "DIFFERS").orElse("NOT_SETTLED");
        java.time.Instant midnight = d.atStartOfDay(NorwegianTime.ZONE).toInstant();
        long minutes = why.day().perHour() ? 60 : 15;
        List<IntervalResponse> intervals = why.intervals().stream().map(i -> new IntervalResponse(
                midnight.plusSeconds(60 * minutes * i.index()), midnight.plusSeconds(60 * minutes * (i.index() + 1)), kwh(i.wh()),
                PriceUnits.toNok(i.priceUnits()).setScale(5, java.math.RoundingMode.HALF_UP), kwh(i.coveredWh()), kwh(i.monthToDateWh()),
                exact(i.amount()))).toList();
        DayResult r = why.day();
        return new DayExplanationResponse(id.value(), d, r.compensation().name(), r.settledPer(), kwh(why.capWh()),
                PriceUnits.toNok(why.referenceUnits()).setScale(5, java.math.RoundingMode.HALF_UP), kwh(why.monthToDateBeforeWh()),
                kwh(r.actualWh()), kwh(r.coveredWh()), exact(r.amount()), stored, intervals);
    }

    private InvoiceResponse view(Invoice i, long customerNumber) {
        Map<Long, String> gsrn = new java.util.HashMap<>();
        List<LineResponse> lines = i.lines().stream().map(l -> new LineResponse(l.lineNumber(),
                l.meteringPointId() == null ? null : gsrn.computeIfAbsent(l.meteringPointId(),
                        mp -> meteringPoints.findById(mp).map(p -> p.meteringPointId().value()).orElse(null)),
                l.deliveryId(), l.elementCode(), l.text(), l.period().from(), l.period().to(), l.quantity(), l.unit().name(),
                l.unitPrice(), l.netAmount(), l.vatRate(), l.vatAmount())).toList();
        return new InvoiceResponse(i.invoiceNumber(), i.kind().name(), customerNumber, i.period().from(), i.period().to(),
                i.issueDate(), i.dueDate(), i.kid().value(), i.netAmount(), i.vatAmount(), i.totalAmount(), i.credited(),
                i.creditsInvoiceId().map(this::number).orElse(null), i.replacesInvoiceId().map(this::number).orElse(null),
                i.billingRunId().orElse(null), lines);
    }

    private long number(long invoiceId) {
        return invoices.numberOf(invoiceId);
    }

    /** Unrounded, so the intervals add up to the day to the last decimal; only the month's total is rounded (on the invoice). */
    private static BigDecimal exact(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal kwh(long wh) {
        return BigDecimal.valueOf(wh, 3);
    }
}
