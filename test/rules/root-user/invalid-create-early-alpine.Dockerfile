FROM alpine:3.20
ARG VERSION
ENV APP_HOME=/app
LABEL org.opencontainers.image.version=$VERSION
WORKDIR $APP_HOME
COPY . .
RUN ./configure-runtime.sh
CMD ["./app"]
