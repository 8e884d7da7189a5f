/**
 * Elhub's market processes for a balance supplier: start of supply (BRS-NO-101/102/103/104) — the request through the
 * outbox, Elhub's confirmation, rejection and notification from the PollMarketProcesses queue.
 */
@org.springframework.modulith.NamedInterface("market")
package no.kraft.cis.elhub.market;
