# syntax=docker/dockerfile:1
# escape=`
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /src
COPY . .
RUN rm -f /etc/apt/apt.conf.d/docker-clean; echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache
RUN --mount=type=cache,target=/var/cache/apt `
    --mount=type=cache,target=/var/lib/apt,sharing=locked `
    --mount=type=cache,target=/root/.nuget/packages `
    apt-get update && `
    apt-get install -y zip && `
    dotnet publish -c Release -o /app
