package no.kraft.cis.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at {@link TestPostgres}, so no test class repeats datasource setup and none can
 * accidentally run against anything but a real PostgreSQL. Registered in {@code META-INF/spring.factories}.
 */
public final class TestPostgresContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new TestPostgresCustomizer();
    }

    private static final class TestPostgresCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            TestPostgres.Connection db = TestPostgres.connection();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("cisTestPostgres", Map.of(
                    "spring.datasource.url", db.jdbcUrl(),
                    "spring.datasource.username", db.username(),
                    "spring.datasource.password", db.password())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestPostgresCustomizer;
        }

        @Override
        public int hashCode() {
            return TestPostgresCustomizer.class.hashCode();
        }
    }
}
