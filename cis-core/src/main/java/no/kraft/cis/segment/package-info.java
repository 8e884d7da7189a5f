/**
 * Billing segments (faktureringssegmenter): groups, segments and dated memberships of metering points or contracts.
 * The compensation segments 101–103 follow property 900 ({@link no.kraft.cis.segment.CompensationSegments}); a tariff
 * element that requires a segment is billed only inside its membership periods
 * ({@link no.kraft.cis.segment.SegmentCoverage}). Changes inside invoiced periods raise recalculation needs.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"rule", "audit", "period", "meteringpoint", "contract", "invoice"})
package no.kraft.cis.segment;
