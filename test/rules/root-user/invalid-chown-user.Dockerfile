FROM python:3.12
RUN adduser --system --group web
COPY --chown=web:web . /app
WORKDIR /app
CMD ["python", "main.py"]
