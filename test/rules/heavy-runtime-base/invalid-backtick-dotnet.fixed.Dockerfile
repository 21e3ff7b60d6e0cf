# escape=`
FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
WORKDIR /app
EXPOSE 8080

FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /src
COPY . .
RUN dotnet restore `
    && dotnet publish -c Release -o /out

FROM base AS final
COPY --from=build /out .
ENTRYPOINT ["dotnet", "Api.dll"]
