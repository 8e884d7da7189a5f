package no.kraft.cis;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Kraft CIS — customer information and billing for a Norwegian power retailer. One application, one PostgreSQL schema;
 * each top-level package under {@code no.kraft.cis} is a module (see README and {@code ModuleBoundariesTest}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CisApplication {

    public static void main(String[] args) {
        SpringApplication.run(CisApplication.class, args);
    }
}
