# syntax=docker/dockerfile:1
FROM alpine:3.20
RUN --mount=type=secret,id=api-token API_TOKEN="$(cat /run/secrets/api-token)" && export API_TOKEN && apk add --no-cache curl && curl -fsS -H "Authorization: Bearer $API_TOKEN" https://api.example.com/bootstrap -o /etc/app.json
