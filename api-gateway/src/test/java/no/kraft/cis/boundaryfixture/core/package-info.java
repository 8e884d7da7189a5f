/** Fixture: a core module that may depend on nothing. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package no.kraft.cis.boundaryfixture.core;
