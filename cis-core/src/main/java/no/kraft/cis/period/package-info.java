/**
 * Calendar periods in Norwegian time and dated values with append-only history — the one abstraction every dated
 * attribute (characteristics, properties, deliveries) is built on.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package no.kraft.cis.period;
