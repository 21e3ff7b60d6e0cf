# syntax=docker/dockerfile:1
FROM python:3.12
RUN <<EOT
set -e
pip install --no-cache-dir flask
EOT
