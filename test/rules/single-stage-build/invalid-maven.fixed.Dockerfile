FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /app
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system app && useradd --system --gid app --no-create-home app
WORKDIR /app
COPY --from=build /app/target/orders-1.4.0.jar /app/target/orders-1.4.0.jar
LABEL org.opencontainers.image.title="orders"
EXPOSE 8080
USER app
CMD ["java", "-jar", "target/orders-1.4.0.jar"]
