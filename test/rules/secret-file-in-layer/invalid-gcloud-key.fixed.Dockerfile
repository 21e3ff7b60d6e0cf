# syntax=docker/dockerfile:1
FROM google/cloud-sdk:slim AS deploy
RUN --mount=type=secret,id=gcp-key,target=/secrets/key.json gcloud auth activate-service-account --key-file=/secrets/key.json && gsutil cp gs://bucket/model.bin /model.bin

FROM python:3.12-slim
COPY --from=deploy /model.bin /model.bin
