FROM gradle:8.7-jdk21-alpine AS build
WORKDIR /home/gradle/project
COPY . .
RUN gradle bootJar --no-daemon

FROM eclipse-temurin:21-jre-alpine
WORKDIR /home/gradle/project
COPY --from=build /home/gradle/project/build/libs/inventory-2.0.1.jar /home/gradle/project/build/libs/inventory-2.0.1.jar
EXPOSE 8080
RUN addgroup -S app && adduser -S -G app -H app
USER app
ENTRYPOINT java -jar build/libs/inventory-2.0.1.jar
