# The app image docker-compose.yml builds. Build stage uses Maven Central only.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
COPY processes processes
COPY keycloak keycloak
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:21-jre
WORKDIR /app
COPY --from=build /src/target/pal-flow-*.jar /app/pal-flow.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/pal-flow.jar"]
