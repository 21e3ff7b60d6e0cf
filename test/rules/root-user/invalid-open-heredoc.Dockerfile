FROM debian:bookworm
COPY app /usr/local/bin/app
CMD ["app"]
RUN echo 'passwd app <<EOF' >> /tmp/setup.sh && sh /tmp/setup.sh
