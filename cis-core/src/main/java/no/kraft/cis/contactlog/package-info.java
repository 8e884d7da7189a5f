/**
 * The contact log (kontaktlogg): every conversation with a customer — channel, a summary, a reference to the full
 * transcript kept elsewhere (the call recording or chat system) — and who had it. Written by staff and by partners
 * such as the AI customer-service agent.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"rule", "audit"})
package no.kraft.cis.contactlog;
