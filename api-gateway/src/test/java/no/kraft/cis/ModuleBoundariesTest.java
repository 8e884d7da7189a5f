package no.kraft.cis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

/**
 * The module rules: no cycles, no reaching into another module's internals, and the core modules depend only on what
 * their {@code package-info} allows — so core never depends on an adapter (Elhub, billing, consent, RME, API).
 */
class ModuleBoundariesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(CisApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theCoreModulesAreThere() {
        Set<String> names = MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString).collect(Collectors.toSet());
        assertThat(names).contains("customer", "meteringpoint", "contract", "tariff", "customerview", "period", "rule", "audit", "api");
        // the adapters are modules of their own too (debt collection: no.kraft.cis.collection)
        assertThat(names).contains("collection", "delivery", "elhub", "ledger");
    }

    /** The check is live: a fixture where a core module uses an adapter fails verification. */
    @Test
    void aCoreModuleUsingAnAdapterIsCaught() {
        ApplicationModules fixture = ApplicationModules.of("no.kraft.cis.boundaryfixture", new ImportOption.OnlyIncludeTests());
        assertThatThrownBy(fixture::verify).isInstanceOf(Violations.class)
                .hasMessageContaining("core").hasMessageContaining("adapter");
    }
}
