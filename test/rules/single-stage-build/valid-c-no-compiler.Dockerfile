FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends make pandoc
WORKDIR /docs
COPY . .
RUN make html
CMD ["python3", "-m", "http.server"]
