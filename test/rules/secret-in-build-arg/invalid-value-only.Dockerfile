FROM alpine/git
ARG REPO_URL=https://deploy:s3cr3tPassw0rd@git.example.com/acme/app.git
RUN git clone "$REPO_URL" /src
