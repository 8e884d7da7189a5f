/**
 * Cases (saker): an enquiry, complaint or work order with a status, an owner, a deadline, a follow-up flag, a
 * dialogue of messages and usually a customer. Opened by staff or by partner calls; "my cases" and the flagged list
 * are how staff work through them.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"rule", "audit"})
package no.kraft.cis.servicecase;
