FROM alpine:3.20
ENV API_TOKEN=3rT9vQxL2mW8zK4pN7sB1cF6hJ0dYgA
RUN apk add --no-cache curl && curl -fsS -H "Authorization: Bearer $API_TOKEN" https://api.example.com/bootstrap -o /etc/app.json
