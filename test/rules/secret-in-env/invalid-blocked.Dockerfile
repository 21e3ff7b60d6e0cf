FROM alpine:3.20
ENV VAULT_TOKEN=hvs.CAESIJlU9xZ2k8Qp3vW7rT1yL5mN0bG4hF6dS
RUN vault kv get secret/app > /tmp/app.env
LABEL vault.token="${VAULT_TOKEN}"
