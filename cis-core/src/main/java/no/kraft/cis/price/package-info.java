/**
 * Prices: day-ahead spot prices per price area (imported from ENTSO-E A44 documents or a simple CSV/JSON layout,
 * validated for resolution, gaps, overlaps and DST days), and the price-table generator that turns them into price
 * tables with a small safe formula language ({@link no.kraft.cis.price.PriceFormula}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"rule", "audit", "period", "meteringpoint", "invoice"})
package no.kraft.cis.price;
