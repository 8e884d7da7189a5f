/** RFC 9457 problem+json for answers written outside Spring MVC (filters, the security chain, Tomcat's valve). */
package no.kraft.cis.problem;
