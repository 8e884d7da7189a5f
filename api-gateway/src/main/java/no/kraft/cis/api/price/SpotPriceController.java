package no.kraft.cis.api.price;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.kraft.cis.meteringpoint.PriceArea;
import no.kraft.cis.price.EntsoeA44Reader;
import no.kraft.cis.price.SpotPrice;
import no.kraft.cis.price.SpotPriceCsvReader;
import no.kraft.cis.price.SpotPriceFileException;
import no.kraft.cis.price.SpotPriceImport;
import no.kraft.cis.price.SpotPriceLine;
import no.kraft.cis.price.SpotPrices;
import no.kraft.cis.rule.FieldValidation;
import no.kraft.cis.rule.InvalidValueException;
import no.kraft.cis.rule.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Spot prices", description = "Day-ahead prices per price area (spotpriser)")
@RestController
class SpotPriceController {

    private final SpotPriceImport importer;
    private final SpotPrices prices;

    SpotPriceController(SpotPriceImport importer, SpotPrices prices) {
        this.importer = importer;
        this.prices = prices;
    }

    /** One price in the JSON layout. */
    record SpotPriceJson(String start, String end, String area, BigDecimal nokPerKwh) {
    }

    /** A stored price as the API shows it. */
    record SpotPriceResponse(Instant start, Instant end, String area, BigDecimal nokPerKwh, BigDecimal eurPerMwh, BigDecimal eurNok) {
        static SpotPriceResponse of(SpotPrice p) {
            return new SpotPriceResponse(p.start(), p.end(), p.area().name(), p.nokPerKwh(), p.eurPerMwh(), p.eurNok());
        }
    }

    @Operation(summary = "Import spot prices from an ENTSO-E A44 document or the CSV layout",
            description = "Body: application/xml (A44 Publication_MarketDocument; give eurNok for EUR prices) or text/csv "
                    + "(header 'start,end,area,NOK_per_kWh', ISO 8601 times with offset). The whole file is checked first "
                    + "(resolution, gaps, duplicates, overlaps, whole Norwegian days incl. DST); a rejected file changes "
                    + "nothing and each violation names its line. Identical re-imports change nothing; changed prices are "
                    + "stored with the old value kept as a revision.")
    @PostMapping(path = "/api/v1/spot-prices", consumes = {"text/csv", "application/xml", "text/xml"})
    SpotPriceImport.Result importFile(InputStream body,
            @org.springframework.web.bind.annotation.RequestHeader("Content-Type") String contentType,
            @Parameter(description = "EUR→NOK rate for EUR prices (Norges Bank)") @RequestParam(required = false) BigDecimal eurNok,
            @RequestParam(required = false) String source) {
        boolean xml = contentType.toLowerCase(Locale.ROOT).contains("xml");
        return store(parse(body, xml, eurNok), source, xml ? "ENTSO-E A44 upload" : "CSV upload");
    }

    @Operation(summary = "Import spot prices from an uploaded file (multipart field 'file', .xml or .csv)")
    @PostMapping(path = "/api/v1/spot-prices", consumes = "multipart/form-data")
    SpotPriceImport.Result importMultipart(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) BigDecimal eurNok, @RequestParam(required = false) String source) throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        boolean xml = name.endsWith(".xml") || (file.getContentType() != null && file.getContentType().contains("xml"));
        try (InputStream in = file.getInputStream()) {
            return store(parse(in, xml, eurNok), source, file.getOriginalFilename());
        }
    }

    @Operation(summary = "Import spot prices as JSON", description = "An array of {start, end, area, nokPerKwh}; 'line n' in errors is the n-th element.")
    @PostMapping(path = "/api/v1/spot-prices", consumes = "application/json")
    SpotPriceImport.Result importJson(@RequestBody List<SpotPriceJson> body, @RequestParam(required = false) String source) {
        List<SpotPriceLine> lines = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            SpotPriceJson p = body.get(i);
            try {
                lines.add(new SpotPriceLine(i + 1, new SpotPrice(PriceArea.parse(p.area()), OffsetDateTime.parse(p.start()).toInstant(),
                        OffsetDateTime.parse(p.end()).toInstant(), p.nokPerKwh(), null, null)));
            } catch (InvalidValueException e) {
                violations.add(new Violation("line " + (i + 1), e.rule(), e.getMessage()));
            } catch (DateTimeParseException | NullPointerException e) {
                violations.add(new Violation("line " + (i + 1), "spotPrice.format",
                        "start, end (ISO 8601 with offset), area and nokPerKwh are required"));
            }
        }
        if (!violations.isEmpty()) {
            throw new SpotPriceFileException(violations);
        }
        return store(lines, source, "JSON upload");
    }

    @Operation(summary = "Spot prices of a price area for Norwegian days [from, to)")
    @GetMapping("/api/v1/spot-prices")
    List<SpotPriceResponse> get(@RequestParam String area, @RequestParam LocalDate from, @RequestParam LocalDate to) {
        FieldValidation check = new FieldValidation();
        PriceArea priceArea = check.field("area", () -> PriceArea.parse(area));
        if (!to.isAfter(from) || from.plusDays(93).isBefore(to)) {
            check.reject("to", "period.range", "to must be after from, at most 93 days later");
        }
        check.throwIfInvalid();
        return prices.forDays(priceArea, from, to).stream().map(SpotPriceResponse::of).toList();
    }

    private SpotPriceImport.Result store(List<SpotPriceLine> lines, String source, String defaultSource) {
        String label = source == null || source.isBlank() ? defaultSource : source.strip();
        return importer.store(lines, label.length() > 200 ? label.substring(0, 200) : label);
    }

    private static List<SpotPriceLine> parse(InputStream in, boolean xml, BigDecimal eurNok) {
        return xml ? EntsoeA44Reader.read(in, eurNok) : SpotPriceCsvReader.read(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}
