FROM eclipse-temurin:17-jre
COPY build/libs/app.jar /app.jar
CMD ["java", "-jar", "/app.jar"]
