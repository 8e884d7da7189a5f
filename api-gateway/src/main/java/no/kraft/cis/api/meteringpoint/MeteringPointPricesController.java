package no.kraft.cis.api.meteringpoint;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import no.kraft.cis.contract.ContractService;
import no.kraft.cis.meteringpoint.CharacteristicsVersion;
import no.kraft.cis.meteringpoint.MeteringPoint;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.meteringpoint.MeteringPointService;
import no.kraft.cis.period.Period;
import no.kraft.cis.price.SpotPrices;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.InvalidValueException;
import no.kraft.cis.tariffelement.TariffElement;
import no.kraft.cis.tariffelement.TariffElementPrice;
import no.kraft.cis.tariffelement.TariffPrice;
import no.kraft.cis.tariffelement.Tariffs;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a metering point is priced with in a period, for staff explaining a bill: its price area(s) and spot prices, and
 * per delivery the tariff elements with the price versions in force.
 */
@Tag(name = "Metering points")
@RestController
class MeteringPointPricesController {

    static final int MAX_DAYS = 62;

    private final MeteringPointService meteringPoints;
    private final ContractService contracts;
    private final Tariffs tariffs;
    private final SpotPrices spotPrices;

    MeteringPointPricesController(MeteringPointService meteringPoints, ContractService contracts, Tariffs tariffs,
            SpotPrices spotPrices) {
        this.meteringPoints = meteringPoints;
        this.contracts = contracts;
        this.tariffs = tariffs;
        this.spotPrices = spotPrices;
    }

    record AreaPeriod(String priceArea, LocalDate from, LocalDate to) {
    }

    record ElementPrice(LocalDate from, LocalDate to, BigDecimal amount, Integer priceCalculation) {
    }

    record Element(String code, String groupCode, String kind, String invoiceText, String vat, Integer requiredSegmentId,
            List<ElementPrice> prices) {
    }

    record Supply(long contractNumber, long deliveryId, String productCode, LocalDate from, LocalDate to, List<Element> elements) {
    }

    record Spot(Instant start, Instant end, String area, BigDecimal nokPerKwh) {
    }

    record PricesResponse(String meteringPointId, LocalDate from, LocalDate to, List<AreaPeriod> priceAreas,
            List<Supply> deliveries, List<Spot> spotPrices) {
    }

    @Operation(summary = "Prices of a metering point for Norwegian days [from, to) (at most 62 days)",
            description = "Price areas in force, spot prices of those areas, and per delivery the tariff elements of its product "
                    + "(and those of every product) with the price versions overlapping the period.")
    @GetMapping("/api/v1/metering-points/{meteringPointId}/prices")
    PricesResponse prices(@PathVariable String meteringPointId, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        FieldValidation check = new FieldValidation();
        MeteringPointId id = check.field("meteringPointId", () -> new MeteringPointId(meteringPointId));
        check.required("from", from, () -> from);
        check.required("to", to, () -> to);
        Period period = from == null || to == null ? null : check.field("to", () -> bounded(from, to));
        check.throwIfInvalid();
        MeteringPoint point = meteringPoints.get(id);

        List<AreaPeriod> areas = new ArrayList<>();
        List<Spot> spots = new ArrayList<>();
        for (CharacteristicsVersion version : point.characteristicsVersions()) {
            if (!version.period().overlaps(period)) {
                continue;
            }
            Period part = version.period().clippedTo(period);
            var area = version.characteristics().priceArea();
            areas.add(new AreaPeriod(area.name(), part.from(), part.to()));
            spotPrices.forDays(area, part.from(), part.to())
                    .forEach(p -> spots.add(new Spot(p.start(), p.end(), p.area().name(), p.nokPerKwh())));
        }

        List<Supply> supplies = contracts.supplies(point.id(), period).stream().map(s -> {
            Period part = s.period().clippedTo(period);
            List<Element> elements = tariffs.inForce(s.productCode(), part).stream().map(e -> element(e, part)).toList();
            return new Supply(s.contractNumber().value(), s.deliveryId(), s.productCode(), part.from(), part.to(), elements);
        }).toList();
        return new PricesResponse(id.value(), from, to, areas, supplies, spots);
    }

    private static Element element(TariffElement e, Period part) {
        List<ElementPrice> prices = new ArrayList<>();
        for (TariffElementPrice p : e.prices()) {
            if (!p.period().overlaps(part)) {
                continue;
            }
            Period shown = p.period().clippedTo(part);
            switch (p.price()) {
                case TariffPrice.Fixed fixed -> prices.add(new ElementPrice(shown.from(), shown.to(), fixed.amount(), null));
                case TariffPrice.FromPriceTable table ->
                        prices.add(new ElementPrice(shown.from(), shown.to(), null, table.calculation()));
            }
        }
        return new Element(e.code(), e.groupCode(), e.kind().name(), e.invoiceText(), e.vat().name(),
                e.requiredSegmentId().orElse(null), prices);
    }


    private static Period bounded(LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            throw new InvalidValueException("period.endBeforeStart", "to must be after from");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new InvalidValueException("period.tooLong", "at most " + MAX_DAYS + " days at a time");
        }
        return new Period(from, to);
    }
}
