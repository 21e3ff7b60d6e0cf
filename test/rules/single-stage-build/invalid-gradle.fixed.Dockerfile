FROM gradle:8.7-jdk21-alpine AS build
WORKDIR /home/gradle/project
COPY . .
RUN gradle bootJar --no-daemon

FROM eclipse-temurin:21-jre-alpine
RUN addgroup -S app && adduser -S -G app -H app
WORKDIR /home/gradle/project
COPY --from=build /home/gradle/project/build/libs/inventory-2.0.1.jar /home/gradle/project/build/libs/inventory-2.0.1.jar
EXPOSE 8080
USER app
ENTRYPOINT java -jar build/libs/inventory-2.0.1.jar
