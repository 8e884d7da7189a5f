/** Elhub consent control: the durable consent flows (document via Signicat, or request) and their driver. */
@org.springframework.modulith.NamedInterface("control")
package no.kraft.cis.consent.control;
