# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN --mount=type=secret,id=api-token API_TOKEN="$(cat /run/secrets/api-token)" && export API_TOKEN && wget --header='PRIVATE-TOKEN: '"${API_TOKEN}"'' https://gitlab.example.com/api/v4/projects/1/repository/archive -O /src.tgz
