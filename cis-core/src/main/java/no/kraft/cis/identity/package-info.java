/** Confirming who a caller is: the date-of-birth confirmation, limited per account so it cannot be guessed. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "servicecase"})
package no.kraft.cis.identity;
