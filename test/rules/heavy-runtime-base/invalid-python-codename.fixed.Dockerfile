FROM python:3.12-slim-bookworm
WORKDIR /srv
COPY requirements.txt .
RUN pip install -r requirements.txt
RUN curl -fsSL https://example.com/geo.db -o /srv/geo.db
COPY . .
CMD ["gunicorn", "app:app"]
