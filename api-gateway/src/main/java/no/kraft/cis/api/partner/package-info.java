/**
 * The partner API ({@code /api/v1/partner/**}): what an integration partner — such as the AI agent answering customers
 * on phone and chat — asks about and does for one customer account. Each function needs a scope on a partner token
 * (see {@code PartnerScope}); every call is audited and rate-limited per client by {@code PartnerCallGate}. Answers
 * never carry national IDs.
 */
package no.kraft.cis.api.partner;
