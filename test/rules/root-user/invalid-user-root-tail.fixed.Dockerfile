FROM python:3.12
RUN useradd --system --uid 1001 --shell /usr/sbin/nologin appuser
USER appuser
COPY . /app
USER appuser
CMD ["python", "/app/main.py"]
