# The benefit ledger service, built from this repository.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/benefits-api/target/benefits-api.jar /app/benefits-api.jar
# Axon's update checker must never call out.
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true
# An image is never one developer's machine: tokens come from your identity provider, and without one
# (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI and _AUDIENCES) the service refuses to start.
ENV LEDGER_SECURITY_MODE=jwt
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/benefits-api.jar"]
