# escape=`
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
ARG NUGET_PASSWORD VERSION=1.0
RUN dotnet nuget add source https://nuget.example.com/v3/index.json `
      --username ci --password $NUGET_PASSWORD --store-password-in-clear-text `
    && dotnet restore
