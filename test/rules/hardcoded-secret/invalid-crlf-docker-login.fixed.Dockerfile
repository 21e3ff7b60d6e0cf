# syntax=docker/dockerfile:1
FROM node:20
RUN --mount=type=secret,id=docker-password,env=DOCKER_PASSWORD docker login -u ci --password "${DOCKER_PASSWORD}" registry.example.com \
 && docker pull registry.example.com/base
