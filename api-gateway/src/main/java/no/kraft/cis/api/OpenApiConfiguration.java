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
                                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
                        .schemas(problemSchemas()))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * ProblemDetail as springdoc reads it, plus what ProblemAdvice adds: {@code violations}, each a {@code Violation}
     * (no.kraft.cis.rule.Violation) — written here by hand since the record lives in cis-core, without OpenAPI annotations.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static java.util.Map<String, io.swagger.v3.oas.models.media.Schema> problemSchemas() {
        java.util.Map<String, io.swagger.v3.oas.models.media.Schema> schemas = new java.util.TreeMap<>(
                io.swagger.v3.core.converter.ModelConverters.getInstance().readAll(org.springframework.http.ProblemDetail.class));
        schemas.put("Violation", new io.swagger.v3.oas.models.media.ObjectSchema()
                .description("One broken rule of the request; nothing was changed.")
                .addProperty("field", new io.swagger.v3.oas.models.media.StringSchema()
                        .description("the offending field as a JSON path (deliveries[1].meteringPointId); absent for the whole request"))
                .addProperty("rule", new io.swagger.v3.oas.models.media.StringSchema()
                        .description("stable rule code a client can switch on, e.g. supplyEnd.sendWindow"))
                .addProperty("message", new io.swagger.v3.oas.models.media.StringSchema().description("explanation for a person (English)"))
                .addProperty("params", new io.swagger.v3.oas.models.media.MapSchema()
                        .additionalProperties(new io.swagger.v3.oas.models.media.StringSchema())
                        .description("the values the refusal turns on, by name (dates as yyyy-MM-dd), for a client to say it in its "
                                + "own words; only on rules that have them — supplyEnd.sendWindow: endDate, sendBy (the day the "
                                + "request had to reach Elhub), earliest (the earliest end date possible now); "
                                + "supplyStart.inThePast: startDate, earliest; supplyStart.backInTimeWindow: startDate, earliest, latest")));
        schemas.get("ProblemDetail").addProperty("violations", new io.swagger.v3.oas.models.media.ArraySchema()
                .items(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/Violation"))
                .description("each broken rule, naming its field and rule"));
        return schemas;
    }

    /**
     * Every operation's id says what it does — the method and its controller's noun ({@code openContract},
     * {@code getBillingRun}) unless {@code @Operation(operationId)} names it — instead of springdoc's {@code get_8}; the
     * web UI's generated client is named by them. And every operation lists the problem+json answers it can give:
     * 400 (bad input), 401, 403, 404 where the path names something, 409 where it changes something.
     */
    @Bean
    org.springdoc.core.customizers.OperationCustomizer namedOperationsWithProblems() {
        return (operation, handler) -> {
            if (operation.getOperationId() == null || operation.getOperationId().equals(handler.getMethod().getName())
                    || operation.getOperationId().matches(".*_\\d+")) {
                String noun = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
                operation.setOperationId(handler.getMethod().getName() + noun);
            }
            io.swagger.v3.oas.models.responses.ApiResponses responses = operation.getResponses() == null
                    ? new io.swagger.v3.oas.models.responses.ApiResponses() : operation.getResponses();
            boolean changes = handler.hasMethodAnnotation(org.springframework.web.bind.annotation.PostMapping.class)
                    || handler.hasMethodAnnotation(org.springframework.web.bind.annotation.PutMapping.class)
                    || handler.hasMethodAnnotation(org.springframework.web.bind.annotation.DeleteMapping.class);
            boolean names = java.util.Arrays.stream(handler.getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class));
            problem(responses, "400", "invalid input: violations name each field and rule; nothing was changed");
            problem(responses, "401", "no valid bearer token");
            problem(responses, "403", "the caller's role or partner scope may not do this");
            if (names) {
                problem(responses, "404", "what the path names does not exist (or is not the caller's)");
            }
            if (changes) {
                problem(responses, "409", "conflicts with the stored state (the rule says which)");
            }
            operation.setResponses(responses);
            return operation;
        };
    }

    private static void problem(io.swagger.v3.oas.models.responses.ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        responses.addApiResponse(status, new io.swagger.v3.oas.models.responses.ApiResponse().description(description)
                .content(new io.swagger.v3.oas.models.media.Content().addMediaType("application/problem+json",
                        new io.swagger.v3.oas.models.media.MediaType().schema(new io.swagger.v3.oas.models.media.Schema<>()
                                .$ref("#/components/schemas/ProblemDetail")))));
    }
}
