FROM alpine:3.20
ARG VERSION
ENV APP_HOME=/app
LABEL org.opencontainers.image.version=$VERSION
RUN addgroup -S app && adduser -S -G app app
WORKDIR $APP_HOME
COPY . .
RUN ./configure-runtime.sh
USER app
CMD ["./app"]
