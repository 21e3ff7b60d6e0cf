# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN useradd --create-home --uid 10001 appuser
USER appuser
WORKDIR /home/appuser/app
COPY requirements.txt .
RUN --mount=type=cache,target=/home/appuser/.cache/pip,uid=10001 pip install --user -r requirements.txt
USER builder
RUN --mount=type=cache,target=/home/builder/.cache/pip,mode=0777 pip install --user black
