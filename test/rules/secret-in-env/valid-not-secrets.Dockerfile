FROM node:20
ARG NPM_TOKEN
ENV NPM_TOKEN=${NPM_TOKEN}
ENV GPG_KEY=B42F6819007F00F88E364FD4036A9C25BF357DD4 \
    NODE_VERSION=20.11.1 \
    PASSWORD_FILE=/run/secrets/db_password \
    AUTH_ENABLED=false \
    DB_PASSWORD= \
    API_KEY=changeme \
    SECRET_KEY="<your-secret-key>" \
    TOKEN_TTL=3600 \
    PWD=/app \
    PUBLIC_KEY=/etc/keys/pub.pem \
    LDAP_PASSWORD_ENCODING=crypt \
    LDAP_AUTH_SCHEME=simple \
    RELEASE_KEY=B42F6819007F00F88E364FD4036A9C25BF357DD4 \
    ADMIN_PASSWORD=testpassword
RUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci
