FROM maven:3.9-eclipse-temurin-17
WORKDIR /app
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests
LABEL org.opencontainers.image.title="orders"
EXPOSE 8080
CMD ["java", "-jar", "target/orders-1.4.0.jar"]
