FROM debian:12-slim
COPY setup.sh /setup.sh
RUN /setup.sh
ARG FASTCGI_PASS=127.0.0.1:9000
RUN sed -i "s/UPSTREAM/$FASTCGI_PASS/" /etc/nginx.conf
