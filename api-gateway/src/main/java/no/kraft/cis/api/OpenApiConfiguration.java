package no.kraft.cis.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI kraftCisApi() {
        return new OpenAPI()
                .info(new Info().title("Kraft CIS API").version("v1").description("""
                        Customer information for a Norwegian power retailer: customers, contracts and deliveries, \
                        metering points with dated master data and properties (888 Norgespris, 870 override, \
                        900 settled compensation). Errors are RFC 9457 problem+json with 'violations' naming field \
                        and rule. Dates are ISO yyyy-MM-dd in Norwegian time; periods are half-open (end exclusive)."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
