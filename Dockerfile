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
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/benefits-api.jar"]
