FROM python:3.12-slim
RUN export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY9 \
 && AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE aws s3 cp s3://bucket/model.bin /model.bin
