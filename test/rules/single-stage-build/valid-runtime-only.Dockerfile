FROM eclipse-temurin:17-jre
WORKDIR /app
COPY target/app.jar app.jar
USER 1000
CMD ["java", "-jar", "app.jar"]
