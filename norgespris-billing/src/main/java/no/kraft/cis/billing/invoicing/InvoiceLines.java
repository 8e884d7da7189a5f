package no.kraft.cis.billing.invoicing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kraft.cis.billing.settlement.CompensationRuleBook;
import no.kraft.cis.billing.settlement.CompensationRules;
import no.kraft.cis.billing.settlement.DayPrices;
import no.kraft.cis.billing.settlement.DayResult;
import no.kraft.cis.billing.settlement.MissingBillingData;
import no.kraft.cis.billing.settlement.MonthPrices;
import no.kraft.cis.billing.settlement.PriceUnits;
import no.kraft.cis.billing.settlement.Settlements;
import no.kraft.cis.contract.Contract;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.contract.SupplyPeriod;
import no.kraft.cis.invoice.InvoiceLine;
import no.kraft.cis.invoice.NewInvoiceLine;
import no.kraft.cis.meteringpoint.Characteristics;
import no.kraft.cis.meteringpoint.CompensationClass;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.metervalue.MeterValues;
import no.kraft.cis.period.Period;
import no.kraft.cis.segment.Segment;
import no.kraft.cis.segment.Segments;
import no.kraft.cis.tariffelement.TariffElement;
import no.kraft.cis.tariffelement.TariffPrice;
import no.kraft.cis.tariffelement.Tariffs;
import org.springframework.stereotype.Service;

/**
 * The lines of a customer's invoice for one calendar month: per delivery and tariff element, one line per run of days
 * with the same price version, VAT treatment and price area. Each line is rounded to øre once; the invoice only adds.
 *
 * <ul>
 *   <li>ENERGY_PRICE / MARKUP: kWh × price (fixed), or Σ interval kWh × price-table value.</li>
 *   <li>FIXED_MONTHLY: monthly amount × billed days ÷ days in the month.</li>
 *   <li>COMPENSATION: the settlement's amount for the days (Norgespris for elements requiring 101/102 or none,
 *       strømstøtte for 103), credited (negative) — or charged when spot was below the Norgespris price.</li>
 * </ul>
 *
 * A day counts for an element when it is in the delivery, the element's validity, a price version, and — when the
 * element requires a segment — a membership of that segment.
 */
@Service
public class InvoiceLines {

    private final ContractService contracts;
    private final MeteringPointService meteringPoints;
    private final MeterValues meterValues;
    private final Tariffs tariffs;
    private final Segments segments;
    private final Settlements settlements;

    InvoiceLines(ContractService contracts, MeteringPointService meteringPoints, MeterValues meterValues, Tariffs tariffs,
            Segments segments, Settlements settlements) {
        this.contracts = contracts;
        this.meteringPoints = meteringPoints;
        this.meterValues = meterValues;
        this.tariffs = tariffs;
        this.segments = segments;
        this.settlements = settlements;
    }

    /**
     * What the lines read: {@link #live()} asks the services per customer; {@link #preloaded} reads a chunk of
     * customers' data in a few statements. Both feed the same calculation, so the two paths cannot disagree.
     */
    public interface Sources {
        /** The customer's deliveries: by contract number, then metering point and start ({@link Contract#deliveries()}). */
        List<SupplyPeriod> supplies(long customerId);

        MeteringPoint point(long meteringPointId);

        /** The month's meter values of the point. */
        Map<LocalDate, MeterValues.DayQuantities> values(long meteringPointId, YearMonth month);

        List<TariffElement> elements(String productCode, Period part);

        List<Period> segmentPeriods(long meteringPointId, long contractId, int segmentId);

        /** The month's current stored settlements by metering point, or {@code null}: {@link Settlements} looks each up. */
        Map<Long, Settlements.Current> storedSettlements();
    }

    /** Each question answered by a read of its own — one customer's billing. */
    public Sources live() {
        return new Sources() {
            @Override
            public List<SupplyPeriod> supplies(long customerId) {
                return contracts.ofCustomer(customerId).stream().flatMap(c -> SupplyPeriod.of(c).stream()).toList();
            }

            @Override
            public MeteringPoint point(long meteringPointId) {
                return meteringPoints.findById(meteringPointId).orElseThrow();
            }

            @Override
            public Map<LocalDate, MeterValues.DayQuantities> values(long meteringPointId, YearMonth month) {
                return meterValues.quantities(meteringPointId, month.atDay(1), month.plusMonths(1).atDay(1));
            }

            @Override
            public List<TariffElement> elements(String productCode, Period part) {
                return tariffs.inForce(productCode, part);
            }

            @Override
            public List<Period> segmentPeriods(long meteringPointId, long contractId, int segmentId) {
                return segments.membershipPeriods(meteringPointId, contractId, segmentId);
            }

            @Override
            public Map<Long, Settlements.Current> storedSettlements() {
                return null;
            }
        };
    }

    /**
     * The month's data of these customers read at once, from their deliveries as read already (any customers'; these
     * customers' are kept): the metering points the deliveries in the month name, those points' meter values, segment
     * memberships and stored settlements (one statement each); tariff elements once per product and part of the month.
     */
    public Sources preloaded(List<SupplyPeriod> read, java.util.Collection<Long> customerIds, YearMonth month) {
        Period period = new Period(month.atDay(1), month.plusMonths(1).atDay(1));
        java.util.Set<Long> wanted = new java.util.HashSet<>(customerIds);
        Map<Long, List<SupplyPeriod>> byCustomer = new java.util.HashMap<>();
        java.util.Set<Long> pointIds = new java.util.TreeSet<>();
        java.util.Set<Long> contractIds = new java.util.TreeSet<>();
        for (SupplyPeriod supply : read) {
            if (wanted.contains(supply.customerId())) {
                byCustomer.computeIfAbsent(supply.customerId(), k -> new ArrayList<>()).add(supply);
                contractIds.add(supply.contractId());
                if (supply.period().overlaps(period)) {
                    pointIds.add(supply.meteringPointId());
                }
            }
        }
        Map<Long, MeteringPoint> points = new java.util.HashMap<>();
        meteringPoints.findAllById(pointIds).forEach(p -> points.put(p.id(), p));
        Map<Long, Map<LocalDate, MeterValues.DayQuantities>> values = meterValues.quantities(pointIds, period.from(), period.to());
        List<Segments.MembershipPeriod> memberships = segments.membershipPeriods(pointIds, contractIds);
        Map<Long, Settlements.Current> stored = settlements.current(pointIds, month);
        Map<String, List<TariffElement>> elements = new java.util.HashMap<>();
        return new Sources() {
            @Override
            public List<SupplyPeriod> supplies(long customerId) {
                return byCustomer.getOrDefault(customerId, List.of());
            }

            @Override
            public MeteringPoint point(long meteringPointId) {
                MeteringPoint point = points.get(meteringPointId);
                if (point == null) {
                    throw new IllegalStateException("metering point " + meteringPointId + " was not preloaded");
                }
                return point;
            }

            @Override
            public Map<LocalDate, MeterValues.DayQuantities> values(long meteringPointId, YearMonth m) {
                if (!m.equals(month)) {
                    throw new IllegalStateException("preloaded for " + month + ", asked for " + m);
                }
                return values.getOrDefault(meteringPointId, Map.of());
            }

            @Override
            public List<TariffElement> elements(String productCode, Period part) {
                return elements.computeIfAbsent(productCode + "|" + part, k -> tariffs.inForce(productCode, part));
            }

            @Override
            public List<Period> segmentPeriods(long meteringPointId, long contractId, int segmentId) {
                return Segments.MembershipPeriod.periods(memberships, meteringPointId, contractId, segmentId);
            }

            @Override
            public Map<Long, Settlements.Current> storedSettlements() {
                return stored;
            }
        };
    }

    /**
     * Computes (and settles, storing the settlement) the lines for {@code month}. Empty if nothing was supplied.
     *
     * @param prices the month-wide data as committed (read after the customer's horizons are locked)
     * @throws MissingBillingData if meter values or prices are missing
     */
    public List<NewInvoiceLine> forCustomer(long customerId, YearMonth month, MonthPrices.Snapshot prices) {
        return forCustomer(customerId, month, prices, live());
    }

    /** As {@link #forCustomer(long, YearMonth, MonthPrices.Snapshot)}, reading through {@code sources}. */
    public List<NewInvoiceLine> forCustomer(long customerId, YearMonth month, MonthPrices.Snapshot prices, Sources sources) {
        Period period = new Period(month.atDay(1), month.plusMonths(1).atDay(1));
        List<CompensationRules> rules = prices.rules();
        List<NewInvoiceLine> lines = new ArrayList<>();
        Map<String, Cumulative> cumulative = new java.util.HashMap<>();
        // per contract in its order, the deliveries meeting the month by start (a stable sort: as the contract lists them)
        Map<Long, List<SupplyPeriod>> byContract = new java.util.LinkedHashMap<>();
        for (SupplyPeriod supply : sources.supplies(customerId)) {
            byContract.computeIfAbsent(supply.contractId(), k -> new ArrayList<>()).add(supply);
        }
        for (List<SupplyPeriod> contract : byContract.values()) {
            List<SupplyPeriod> deliveries = contract.stream().filter(d -> d.period().overlaps(period))
                    .sorted(java.util.Comparator.comparing((SupplyPeriod d) -> d.period().from())).toList();
            for (SupplyPeriod delivery : deliveries) {
                lines.addAll(forDelivery(delivery.contractId(), delivery, delivery.period().clippedTo(period), month, prices, rules,
                        cumulative, sources));
            }
        }
        return lines;
    }

    private List<NewInvoiceLine> forDelivery(long contractId, SupplyPeriod delivery, Period part, YearMonth month, MonthPrices.Snapshot prices,
            List<CompensationRules> rules, Map<String, Cumulative> cumulative, Sources sources) {
        MeteringPoint point = sources.point(delivery.meteringPointId());
        // the whole month, once: the lines use the delivery's days, the settlement all of them (the cap counts from the 1st)
        Map<LocalDate, MeterValues.DayQuantities> values = sources.values(point.id(), month);
        for (LocalDate d = part.from(); d.isBefore(part.to()); d = d.plusDays(1)) {
            if (!values.containsKey(d)) {
                throw new MissingBillingData("no complete meter values for " + point.meteringPointId() + " on " + d);
            }
        }
        // settled afresh from the data billed now (stored; an unchanged result writes nothing)
        List<DayResult> settled = settlements.settle(point, month, part, prices, values, sources.storedSettlements())
                .map(s -> s.result().days()).orElse(List.of());
        int daysInMonth = month.lengthOfMonth();
        // the master data of each day, looked up once for all elements
        Characteristics[] byDay = new Characteristics[daysInMonth];
        for (LocalDate d = part.from(); d.isBefore(part.to()); d = d.plusDays(1)) {
            byDay[d.getDayOfMonth() - 1] = point.characteristicsOn(d).orElse(null);
        }
        List<NewInvoiceLine> lines = new ArrayList<>();
        for (TariffElement element : sources.elements(delivery.productCode(), part)) {
            List<Period> segmentPeriods = element.requiredSegmentId()
                    .map(s -> sources.segmentPeriods(point.id(), contractId, s)).orElse(null);
            Run run = null;
            for (LocalDate d = part.from(); d.isBefore(part.to()); d = d.plusDays(1)) {
                LocalDate day = d;
                boolean counts = element.period().contains(d)
                        && (segmentPeriods == null || segmentPeriods.stream().anyMatch(p -> p.contains(day)));
                // a compensation line's amount is the settlement's: it needs no price version of its own
                TariffPrice price = !counts ? null : element.kind() == TariffElement.Kind.COMPENSATION
                        ? element.priceOn(d).orElse(SETTLED) : element.priceOn(d).orElse(null);
                Characteristics c = byDay[d.getDayOfMonth() - 1];
                if (price == null || c == null) {
                    run = close(run, lines, element, point, delivery, daysInMonth, cumulative);
                    continue;
                }
                Key key = new Key(price, c.vatExempt(), c.priceArea());
                if (run == null || !run.key.equals(key)) {
                    run = close(run, lines, element, point, delivery, daysInMonth, cumulative);
                    run = new Run(key, d);
                }
                run.to = d.plusDays(1);
                run.add(element, values.get(d), d, settled, prices, rules);
            }
            close(run, lines, element, point, delivery, daysInMonth, cumulative);
        }
        return lines;
    }

    private static final TariffPrice SETTLED = new TariffPrice.Fixed(BigDecimal.ZERO);

    /** Exact and rounded running totals: each line gets round(total after) − round(total before). */
    private static final class Cumulative {
        private BigDecimal exactGross = BigDecimal.ZERO;
        private BigDecimal exactNet = BigDecimal.ZERO;

        BigDecimal gross(BigDecimal add) {
            BigDecimal before = ore(exactGross);
            exactGross = exactGross.add(add);
            return ore(exactGross).subtract(before);
        }

        BigDecimal net(BigDecimal add) {
            BigDecimal before = ore(exactNet);
            exactNet = exactNet.add(add);
            return ore(exactNet).subtract(before);
        }
    }

    private record Key(TariffPrice price, boolean vatExempt, PriceArea area) {
    }

    /** Consecutive days of one element under one key, accumulated exactly. */
    private static final class Run {
        final Key key;
        final LocalDate from;
        LocalDate to;
        long wh;
        long coveredWh;
        int days;
        long amountUnits;                       // price units × Wh (energy from tables)
        BigDecimal compensation = BigDecimal.ZERO;       // incl. VAT where due, + to the customer
        BigDecimal compensationNet = BigDecimal.ZERO;
        BigDecimal vatRate = BigDecimal.ZERO;

        Run(Key key, LocalDate from) {
            this.key = key;
            this.from = from;
        }

        void add(TariffElement element, MeterValues.DayQuantities q, LocalDate day, List<DayResult> settled, MonthPrices.Snapshot prices,
                List<CompensationRules> rules) {
            days++;
            for (int v : q.wh()) {
                wh += v;
            }
            vatRate = CompensationRuleBook.on(rules, day).map(CompensationRules::vatRate).orElse(new BigDecimal("0.25"));
            if (element.kind() == TariffElement.Kind.COMPENSATION) {
                // Tariffs makes every compensation element name its segment: 103 strømstøtte, 101/102 Norgespris
                boolean stromstotte = element.requiredSegmentId().orElseThrow() == Segment.STROMSTOTTE;
                for (DayResult r : settled) {
                    boolean scheme = stromstotte ? r.compensation() == CompensationClass.STROMSTOTTE
                            : r.compensation() == CompensationClass.NORGESPRIS_HOUSEHOLD
                                    || r.compensation() == CompensationClass.NORGESPRIS_HOLIDAY_HOME;
                    if (r.day().equals(day) && scheme) {
                        coveredWh += r.coveredWh();
                        compensation = compensation.add(r.amount());
                        compensationNet = compensationNet.add(r.amountExVat());
                    }
                }
            } else if (key.price() instanceof TariffPrice.FromPriceTable table) {
                long[] dayPrices = prices.table(table.calculation(), key.area(), YearMonth.from(day)).on(day);
                if (dayPrices == null) {
                    throw new MissingBillingData("no price table " + table.calculation() + " for " + key.area() + " on " + day);
                }
                int[] quantities = q.wh();
                for (int i = 0; i < quantities.length; i++) {
                    amountUnits = Math.addExact(amountUnits, Math.multiplyExact(DayPrices.priceFor(dayPrices, quantities.length, i),
                            (long) quantities[i]));
                }
            }
        }
    }

    private static Run close(Run run, List<NewInvoiceLine> lines, TariffElement element, MeteringPoint point, SupplyPeriod delivery,
            int daysInMonth, Map<String, Cumulative> cumulative) {
        if (run == null) {
            return null;
        }
        Period period = new Period(run.from, run.to);
        BigDecimal vatRate = element.vat() == TariffElement.Vat.STANDARD && !run.key.vatExempt() ? run.vatRate : BigDecimal.ZERO;
        BigDecimal kwh = BigDecimal.valueOf(run.wh, 3);
        NewInvoiceLine line = switch (element.kind()) {
            case ENERGY_PRICE, MARKUP -> {
                BigDecimal net = switch (run.key.price()) {
                    case TariffPrice.Fixed fixed -> kwh.multiply(fixed.amount());
                    case TariffPrice.FromPriceTable table -> BigDecimal.valueOf(run.amountUnits, PriceUnits.AMOUNT_SCALE);
                };
                BigDecimal rounded = ore(net);
                BigDecimal unit = run.wh == 0 ? BigDecimal.ZERO : net.divide(kwh, 6, RoundingMode.HALF_UP);
                yield line(element, point, delivery, period, kwh, InvoiceLine.Unit.KWH, unit, rounded, vatRate);
            }
            case FIXED_MONTHLY -> {
                BigDecimal monthly = ((TariffPrice.Fixed) run.key.price()).amount();
                BigDecimal net = ore(monthly.multiply(BigDecimal.valueOf(run.days)).divide(BigDecimal.valueOf(daysInMonth), 10,
                        RoundingMode.HALF_UP));
                BigDecimal perDay = monthly.divide(BigDecimal.valueOf(daysInMonth), 6, RoundingMode.HALF_UP);
                yield line(element, point, delivery, period, BigDecimal.valueOf(run.days), InvoiceLine.Unit.DAY, perDay, net, vatRate);
            }
            case COMPENSATION -> {
                if (run.coveredWh == 0 && run.compensation.signum() == 0) {
                    yield null;
                }
                // credited to the customer: negative. Rounded cumulatively over the metering point's lines of the month
                // for the scheme and VAT treatment, so several lines (runs of days, two deliveries) add up to exactly the
                // settlement's amount; only a mid-month change of VAT exemption can leave an øre between them, as the
                // settlement rounds the month as a whole and an exempt line must not carry an øre of VAT
                Cumulative sum = cumulative.computeIfAbsent(point.id() + "|" + element.requiredSegmentId().orElseThrow() + "|"
                        + run.key.vatExempt(), k -> new Cumulative());
                BigDecimal gross = sum.gross(run.compensation).negate();
                BigDecimal net = sum.net(run.compensationNet).negate();
                BigDecimal covered = BigDecimal.valueOf(run.coveredWh, 3);
                BigDecimal unit = run.coveredWh == 0 ? BigDecimal.ZERO : net.divide(covered, 6, RoundingMode.HALF_UP);
                yield new NewInvoiceLine(point.id(), delivery.deliveryId(), element.code(), element.invoiceText(), period, covered,
                        InvoiceLine.Unit.KWH, unit, net, gross.signum() == 0 || gross.equals(net) ? BigDecimal.ZERO : run.vatRate,
                        gross.subtract(net));
            }
        };
        if (line != null) {
            lines.add(line);
        }
        return null;
    }

    private static NewInvoiceLine line(TariffElement element, MeteringPoint point, SupplyPeriod delivery, Period period,
            BigDecimal quantity, InvoiceLine.Unit unit, BigDecimal unitPrice, BigDecimal net, BigDecimal vatRate) {
        return new NewInvoiceLine(point.id(), delivery.deliveryId(), element.code(), element.invoiceText(), period, quantity, unit, unitPrice,
                net, vatRate, ore(net.multiply(vatRate)));
    }

    /** Whole øre, half up — the one rounding of a line. */
    static BigDecimal ore(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

}
