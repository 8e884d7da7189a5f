package no.kraft.cis.api.metervalue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.invoice.RecalculationNeed;
import no.kraft.cis.invoice.RecalculationNeeds;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.metervalue.MeterValue;
import no.kraft.cis.metervalue.MeterValueImport;
import no.kraft.cis.metervalue.MeterValues;
import no.kraft.cis.price.SpotPrices;
import no.kraft.cis.rule.FieldValidation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Meter values", description = "Consumption per metering point and interval (måleverdier)")
@RestController
class MeterValueController {

    private final MeterValueImport importer;
    private final MeterValues meterValues;
    private final MeteringPointService meteringPoints;
    private final SpotPrices spotPrices;
    private final RecalculationNeeds recalculation;
    private final no.kraft.cis.metervalue.PeriodVolumes periodVolumes;

    MeterValueController(MeterValueImport importer, MeterValues meterValues, MeteringPointService meteringPoints,
            SpotPrices spotPrices, RecalculationNeeds recalculation, no.kraft.cis.metervalue.PeriodVolumes periodVolumes) {
        this.periodVolumes = periodVolumes;
        this.importer = importer;
        this.meterValues = meterValues;
        this.meteringPoints = meteringPoints;
        this.spotPrices = spotPrices;
        this.recalculation = recalculation;
    }

    record MeterValueResponse(Instant start, Instant end, BigDecimal kwh, String quality) {
        static MeterValueResponse of(MeterValue v) {
            return new MeterValueResponse(v.start(), v.end(), v.kwh(), v.quality().name());
        }
    }

    record IntervalPriceResponse(Instant start, Instant end, BigDecimal nokPerKwh) {
    }

    record ConsumptionResponse(String meteringPointId, LocalDate from, LocalDate to, String priceArea, BigDecimal totalKwh,
            List<MeterValueResponse> values, List<IntervalPriceResponse> spotPrices) {
    }

    record DayResponse(LocalDate day, int version, String source, Instant storedAt, String storedBy, List<MeterValueResponse> values) {
        static DayResponse of(MeterValues.StoredDay d) {
            return new DayResponse(d.day(), d.version(), d.source(), d.storedAt(), d.storedBy(),
                    d.values().stream().map(MeterValueResponse::of).toList());
        }
    }

    /** A need, naming its metering point by the 18-digit ID (never the internal database id). */
    record NeedResponse(long id, @io.swagger.v3.oas.annotations.media.Schema(example = "707057500012345671") String meteringPointId,
            LocalDate from, LocalDate to, String reason, String detail, Instant raisedAt, String raisedBy) {
        static NeedResponse of(RecalculationNeed n, java.util.Map<Long, String> gsrn) {
            return new NeedResponse(n.id(), gsrn.get(n.meteringPointId()), n.period().from(), n.period().to(), n.reason().name(),
                    n.detail(), n.raisedAt(), n.raisedBy());
        }
    }

    @Operation(summary = "Import meter values (streamed CSV body)",
            description = "Layout: header 'metering_point_id,day,resolution,values', then one line per metering point and "
                    + "Norwegian day; values are space-separated kWh with up to three decimals, optional quality letter "
                    + "(M measured, E estimated, C calculated). Whole days only (92/96/100 quarter-hours, 23/24/25 hours). "
                    + "All or nothing: a rejected file changes nothing and each violation names its line. Identical days are "
                    + "left alone; changed days keep their old version and raise a recalculation need if already invoiced.")
    @PostMapping(path = "/api/v1/meter-values", consumes = {"text/csv", "text/plain"})
    MeterValueImport.Result importCsv(InputStream body, @RequestParam(required = false) String source) {
        return importer.importCsv(body, label(source, "CSV upload"));
    }

    @Operation(summary = "Import meter values from an uploaded file (multipart field 'file')")
    @PostMapping(path = "/api/v1/meter-values", consumes = "multipart/form-data")
    MeterValueImport.Result importFile(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String source)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return importer.importCsv(in, label(source, file.getOriginalFilename()));
        }
    }

    @Operation(summary = "A metering point's values and spot prices for Norwegian days [from, to)")
    @GetMapping("/api/v1/metering-points/{meteringPointId}/meter-values")
    ConsumptionResponse values(@PathVariable String meteringPointId, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        MeteringPoint point = point(meteringPointId);
        FieldValidation check = new FieldValidation();
        if (!to.isAfter(from) || from.plusDays(93).isBefore(to)) {
            check.reject("to", "period.range", "to must be after from, at most 93 days later");
        }
        check.throwIfInvalid();
        List<MeterValue> values = meterValues.values(point.id(), from, to);
        PriceArea area = point.characteristicsAsOf(from).map(v -> v.characteristics().priceArea()).orElse(null);
        List<IntervalPriceResponse> prices = area == null ? List.of() : spotPrices.forDays(area, from, to).stream()
                .map(p -> new IntervalPriceResponse(p.start(), p.end(), p.nokPerKwh())).toList();
        BigDecimal total = values.stream().map(MeterValue::kwh).reduce(BigDecimal.ZERO.setScale(3), BigDecimal::add);
        return new ConsumptionResponse(point.meteringPointId().value(), from, to, area == null ? null : area.name(), total,
                values.stream().map(MeterValueResponse::of).toList(), prices);
    }

    @Operation(summary = "Earlier versions of one day's values (corrections keep history)")
    @GetMapping("/api/v1/metering-points/{meteringPointId}/meter-values/{day}/revisions")
    List<DayResponse> revisions(@PathVariable String meteringPointId, @PathVariable LocalDate day) {
        return meterValues.revisions(point(meteringPointId).id(), day).stream().map(DayResponse::of).toList();
    }

    /** A registration of a profiled point's period volume; {@code inForce}: the latest registration for its period. */
    record PeriodVolumeResponse(Instant start, Instant end, @io.swagger.v3.oas.annotations.media.Schema(example = "METERED") String status,
            BigDecimal kwh, String readReason, BigDecimal meterReadingStart, BigDecimal meterReadingEnd, Instant registeredAt,
            String source, Instant storedAt, boolean inForce) {
    }

    record PeriodVolumesResponse(String meteringPointId, LocalDate from, LocalDate to, BigDecimal totalKwhInForce,
            List<PeriodVolumeResponse> volumes) {
    }

    @Operation(summary = "A profiled metering point's period volumes (BRS-NO-312) with a period starting in Norwegian days [from, to)",
            description = "Every registration Elhub sent, oldest first per period; inForce marks the latest registration of each "
                    + "period (a correction replaces and keeps the earlier one). Withdrawn periods have no kWh and count nothing "
                    + "in totalKwhInForce. A profiled point is billed on the interval values Elhub profiles for it, not on these.")
    @GetMapping("/api/v1/metering-points/{meteringPointId}/period-volumes")
    PeriodVolumesResponse periodVolumes(@PathVariable String meteringPointId, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        MeteringPoint point = point(meteringPointId);
        FieldValidation check = new FieldValidation();
        if (!to.isAfter(from) || from.plusYears(3).isBefore(to)) {
            check.reject("to", "period.range", "to must be after from, at most three years later");
        }
        check.throwIfInvalid();
        Instant start = from.atStartOfDay(no.kraft.cis.period.NorwegianTime.ZONE).toInstant();
        Instant end = to.atStartOfDay(no.kraft.cis.period.NorwegianTime.ZONE).toInstant();
        List<PeriodVolumeResponse> volumes = periodVolumes.of(point.id(), start, end).stream()
                .map(s -> new PeriodVolumeResponse(s.volume().start(), s.volume().end(), s.volume().status().name(), s.volume().kwh(),
                        s.volume().readReason(), s.volume().meterReadingStart(), s.volume().meterReadingEnd(), s.volume().registeredAt(),
                        s.source(), s.storedAt(), s.inForce()))
                .toList();
        return new PeriodVolumesResponse(point.meteringPointId().value(), from, to, periodVolumes.total(point.id(), start, end), volumes);
    }

    @Operation(summary = "Open recalculation needs (changes inside invoiced periods), optionally for one metering point")
    @GetMapping("/api/v1/recalculation-needs")
    List<NeedResponse> needs(@RequestParam(required = false) String meteringPointId) {
        Long id = meteringPointId == null ? null : point(meteringPointId).id();
        List<RecalculationNeed> open = recalculation.open(id);
        java.util.Map<Long, String> gsrn = new java.util.HashMap<>();
        meteringPoints.findAllById(open.stream().map(RecalculationNeed::meteringPointId).distinct().toList())
                .forEach(p -> gsrn.put(p.id(), p.meteringPointId().value()));
        return open.stream().map(n -> NeedResponse.of(n, gsrn)).toList();
    }

    private MeteringPoint point(String raw) {
        MeteringPointId id = FieldValidation.parse("meteringPointId", () -> new MeteringPointId(raw));
        return meteringPoints.get(id);
    }

    private static String label(String source, String fallback) {
        String label = source == null || source.isBlank() ? (fallback == null ? "upload" : fallback) : source.strip();
        return label.length() > 200 ? label.substring(0, 200) : label;
    }
}
