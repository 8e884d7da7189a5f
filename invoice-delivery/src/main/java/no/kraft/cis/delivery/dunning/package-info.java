/**
 * The dunning job's notices (cis-core's {@code DunningNotices} port): the friendly reminder by e-mail or SMS, the
 * purring and inkassovarsel as a PDF letter by e-mail or on paper, through a durable outbox of their own.
 */
@org.springframework.modulith.NamedInterface("dunning")
package no.kraft.cis.delivery.dunning;
