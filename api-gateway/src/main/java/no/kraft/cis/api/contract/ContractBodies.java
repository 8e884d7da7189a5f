package no.kraft.cis.api.contract;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import no.kraft.cis.contract.NewDelivery;
import no.kraft.cis.meteringpoint.MeteringPointId;
import no.kraft.cis.period.Period;
import no.kraft.cis.rule.FieldValidation;

/** Request bodies of the contract API. Dates are ISO {@code yyyy-MM-dd}; periods are half-open (end exclusive). */
final class ContractBodies {

    private ContractBodies() {
    }

    record NewContractBody(
            @Schema(example = "1000001") String customerNumber,
            @Schema(example = "2026-01-01") LocalDate startDate,
            List<DeliveryBody> deliveries) {
    }

    record DeliveryBody(
            @Schema(example = "707057500012345671") String meteringPointId,
            @Schema(example = "SPOT") String productCode,
            @Schema(example = "2026-01-01") LocalDate validFrom,
            @Schema(description = "exclusive; empty = until further notice") LocalDate validTo,
            @Schema(description = "when adding to an existing contract: the contract version you read") Long version) {

        NewDelivery toCommand(FieldValidation check, String prefix) {
            MeteringPointId id = check.required(prefix + "meteringPointId", meteringPointId,
                    () -> new MeteringPointId(meteringPointId.strip()));
            check.required(prefix + "productCode", productCode, () -> productCode);
            check.required(prefix + "validFrom", validFrom, () -> validFrom);
            Period period = validFrom == null ? null : check.field(prefix + "validTo", () -> new Period(validFrom, validTo));
            if (period != null && period.isEmpty()) {
                check.reject(prefix + "validTo", "period.empty", "a delivery must last at least one day");
            }
            return id == null || productCode == null || period == null || period.isEmpty() ? null
                    : new NewDelivery(id, productCode.strip(), period);
        }
    }

    record ProductChangeBody(
            @Schema(description = "first day on the new product") LocalDate date,
            @Schema(example = "FAST12") String productCode,
            Long version) {
    }

    record EndDeliveryBody(@Schema(description = "first day without supply (exclusive end)") LocalDate endDate, Long version) {
    }
}
