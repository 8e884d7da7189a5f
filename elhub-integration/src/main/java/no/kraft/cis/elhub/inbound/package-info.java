/**
 * Receiving from Elhub: the pollers of EMIF's two poll queues ({@code PollForData} → store the batch → {@code
 * AcknowledgePoll}) and, apart from receiving, the processing of the stored messages, each applied once.
 */
@org.springframework.modulith.NamedInterface("inbound")
package no.kraft.cis.elhub.inbound;
