# syntax=docker/dockerfile:1
FROM ruby:3.3
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN --mount=type=cache,target=/root/.bundle/cache bundle config set --local without 'development test' && bundle install --jobs 4
COPY . .
