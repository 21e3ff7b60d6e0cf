FROM google/cloud-sdk:slim AS deploy
COPY my-project-service-account.json /secrets/key.json
RUN gcloud auth activate-service-account --key-file=/secrets/key.json && gsutil cp gs://bucket/model.bin /model.bin

FROM python:3.12-slim
COPY --from=deploy /model.bin /model.bin
