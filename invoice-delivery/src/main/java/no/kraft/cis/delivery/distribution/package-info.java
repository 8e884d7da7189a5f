/**
 * The delivery of invoices: the plan of channels per customer, the outbox of sends with retries and fallback, the
 * e-mail channel, paper through print batches, and the events of every step.
 */
@org.springframework.modulith.NamedInterface("distribution")
package no.kraft.cis.delivery.distribution;
