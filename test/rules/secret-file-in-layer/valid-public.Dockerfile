FROM debian:bookworm-slim
COPY id_rsa.pub /root/.ssh/authorized_keys
COPY corp-root-ca.pem /usr/local/share/ca-certificates/corp.crt
COPY server.crt /etc/ssl/certs/
COPY .env.example .env.sample /app/
COPY nginx_signing.key /tmp/
COPY --from=builder /root/.npmrc /tmp/npmrc
ADD https://example.com/keys/release.key /tmp/
COPY . /app
RUN update-ca-certificates
COPY .env.template /app/.env
COPY restic-pub.pem /etc/restic/
ADD .docker /app/
COPY java.env /opt/zookeeper/conf/
