# Kraft CIS application image. Build: docker build -t kraft-cis .   (docker-compose.yml does this for you)
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY cis-core/pom.xml cis-core/
COPY cis-test-support/pom.xml cis-test-support/
COPY elhub-integration/pom.xml elhub-integration/
COPY norgespris-billing/pom.xml norgespris-billing/
COPY consent-signing/pom.xml consent-signing/
COPY reporting-rme/pom.xml reporting-rme/
COPY api-gateway/pom.xml api-gateway/
COPY benchmarks/pom.xml benchmarks/
RUN ./mvnw -B -q -pl api-gateway -am dependency:go-offline -DskipTests || true
COPY . .
RUN ./mvnw -B -q -pl api-gateway -am package -DskipTests

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 cis
USER cis
WORKDIR /app
COPY --from=build /src/api-gateway/target/kraft-cis-exec.jar /app/kraft-cis.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/kraft-cis.jar"]
