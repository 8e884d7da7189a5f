package no.kraft.cis.meteringpoint;

/**
 * Property 888 of a metering point was brought in line with Elhub by a system sync (nightly delta, on-demand sync, an
 * answer to our order). Published inside the syncing transaction so the compensation classification (900) and the
 * segments follow at once rather than at the next nightly run.
 */
public record NorgesprisSynchronised(MeteringPointId meteringPoint) {
}
