/**
 * Elhub integration: the Maskinporten token client ({@code maskinporten}); Norgespris through Elhub's Contracts API —
 * the sync into property 888 and order/cancel ({@code norgespris}) delivered through a durable outbox with backoff and a
 * circuit breaker ({@code outbox}); the exception queue ({@code workitem}, {@link no.kraft.cis.elhub.ExceptionQueue});
 * the integration log ({@code exchange}); BRS-NO-611 over signed EMIF SOAP ({@code lookup}); stand-ins for Maskinporten
 * and Elhub ({@code standin}). Depends on cis-core only.
 */
package no.kraft.cis.elhub;
