# syntax=docker/dockerfile:1
FROM python:3.12
RUN --mount=type=cache,target=/root/.cache/pip <<EOT
set -e
pip install flask
EOT
