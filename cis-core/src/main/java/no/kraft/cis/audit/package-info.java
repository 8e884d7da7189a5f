/** Who changed what and when: the audit columns every table carries, and the actor and clock that fill them. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package no.kraft.cis.audit;
