# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN --mount=type=secret,id=aws-access-key-id,env=AWS_ACCESS_KEY_ID --mount=type=secret,id=aws-secret-access-key,env=AWS_SECRET_ACCESS_KEY export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY}" \
 && AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID}" aws s3 cp s3://bucket/model.bin /model.bin
