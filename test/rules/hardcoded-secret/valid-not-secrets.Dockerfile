FROM debian:bookworm-slim
ENV GPG_KEY=B42F6819007F00F88E364FD4036A9C25BF357DD4 \
    PYTHON_SHA256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 \
    APP_ID=123e4567-e89b-12d3-a456-426614174000
ARG API_TOKEN
ARG DB_PASSWORD=changeme
ADD --checksum=sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 https://example.com/x.tgz /tmp/
RUN apt-key adv --keyserver hkps://keyserver.ubuntu.com --recv-keys 0x9DC858229FC7DD38854AE2D88D81803C0EBFCD88 \
 && gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys 7937DFD2AB06298B2293C3187D33FF9D0246406D \
 && echo "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  /tmp/x.tgz" | sha256sum -c - \
 && curl -u "$USER:$PASS" -H "Authorization: Bearer ${API_TOKEN}" https://example.com \
 && curl -H "Authorization: Bearer <your-token>" https://example.com \
 && mysql -uroot -p"${DB_PASSWORD}" -e 'select 1' \
 && git clone https://user:${GIT_PASS}@example.com/x.git \
 && docker login --password-stdin -u ci registry.example.com < /run/secrets/pw
RUN --mount=type=secret,id=npm-token,env=NPM_TOKEN npm config set //registry.npmjs.org/:_authToken=${NPM_TOKEN}
RUN openssl req -new -key snakeoil.key -subj "/CN=localhost" -out snakeoil.csr
