# escape=`
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR C:\src
COPY . .
RUN dotnet restore App.sln `
    && dotnet publish src/App/App.csproj -c Release -o /out
