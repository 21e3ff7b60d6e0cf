ARG GITHUB_TOKEN=ghp_0123456789abcdefghijABCDEFGHIJklmnopqr
FROM alpine:3.20
LABEL org.example.api-key="k3J9xQ2mP7vL4nR8tW1yZ5bC6dF0gH"
ARG CONFIG=https://admin:Sup3rS3cr3tPw@config.example.com/app.yml
RUN wget -q "$CONFIG" -O /etc/app.yml
