# escape=`
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /src
COPY . .
RUN apt-get update && `
    apt-get install -y zip && `
    dotnet publish -c Release -o /app
