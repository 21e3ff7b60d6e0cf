FROM gradle:8.7-jdk21-alpine
WORKDIR /home/gradle/project
COPY . .
RUN gradle bootJar --no-daemon
EXPOSE 8080
ENTRYPOINT java -jar build/libs/inventory-2.0.1.jar
