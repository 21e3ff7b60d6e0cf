FROM --platform=linux/amd64 debian:bookworm-slim
COPY app /usr/local/bin/app
RUN curl -fsSL https://example.com/config -o /etc/app.conf
CMD ["app"]
