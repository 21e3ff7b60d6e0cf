# escape=`
FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR C:\src
COPY Directory.Build.props App.sln ./
COPY src/App/App.csproj ./src/App/
COPY tests/App.Tests/App.Tests.csproj ./tests/App.Tests/
RUN dotnet restore App.sln
COPY . .
RUN dotnet publish src/App/App.csproj -c Release -o /out
