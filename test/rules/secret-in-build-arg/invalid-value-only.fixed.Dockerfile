# syntax=docker/dockerfile:1
FROM alpine/git
RUN --mount=type=secret,id=repo-url,env=REPO_URL git clone "$REPO_URL" /src
