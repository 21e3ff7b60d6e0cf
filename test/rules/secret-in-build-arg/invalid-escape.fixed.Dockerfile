# syntax=docker/dockerfile:1
# escape=`
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
ARG VERSION=1.0
RUN --mount=type=secret,id=nuget-password,env=NUGET_PASSWORD dotnet nuget add source https://nuget.example.com/v3/index.json `
      --username ci --password $NUGET_PASSWORD --store-password-in-clear-text `
    && dotnet restore
