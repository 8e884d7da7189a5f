package no.kraft.cis.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * springdoc names an OpenAPI schema by the class's simple name: two request or answer records with the same simple
 * name become one schema, and one of them is then described wrongly without any error. So no two may share one.
 */
class OpenApiSchemaNamesTest {

    @Test
    void recordsOfTheApiHaveUniqueSimpleNames() {
        Map<String, List<String>> byName = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("no.kraft.cis.api").stream()
                .filter(c -> c.reflect().isRecord())
                .collect(Collectors.groupingBy(JavaClass::getSimpleName, Collectors.mapping(JavaClass::getName, Collectors.toList())));
        assertThat(byName).isNotEmpty();
        assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getValue).toList()).isEmpty();
    }
}
