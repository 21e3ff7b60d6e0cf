FROM python:3.12
WORKDIR /app
COPY . .
RUN pip install poetry && poetry install --only main
CMD ["poetry", "run", "app"]
